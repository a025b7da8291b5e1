/**
 * {@code hqcm sweep}: the trials of a sweep as Apache Spark tasks, one task per trial, in embedded local mode
 * ({@code local[K]}, the default) or on a standalone cluster ({@code spark://HOST:PORT}). Spark only distributes:
 * planning, the exactly-once protocol, the record and the report are the engine's ({@code org.hqcm.engine.sweep}),
 * shared with {@code hqcm reproduce}. May use Spark's Java API, the engine and the model; nothing here is in the
 * IDE's feature, product or update site (the IDE starts {@code hqcm sweep} in its own JVM).
 */
package org.hqcm.sweep;
