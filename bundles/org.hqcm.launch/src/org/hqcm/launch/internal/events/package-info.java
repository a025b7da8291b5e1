/**
 * Reading the engine's {@code events.jsonl} (format in org.hqcm.engine.run.EventLog) while a run writes it.
 *
 * <p>May use: the JDK only.
 */
package org.hqcm.launch.internal.events;
