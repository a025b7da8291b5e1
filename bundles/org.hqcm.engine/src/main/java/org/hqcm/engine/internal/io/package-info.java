/**
 * Files of the engine: named-array archives for checkpoints and trained models and PNG images ({@link org.hqcm.engine.internal.io.Png}: through ImageIO's memory cache), written atomically through the
 * model bundle's {@code AtomicFiles} so that a killed process never leaves a half-written file behind, and the CSV
 * dialects of everything the engine writes and reads ({@link org.hqcm.engine.internal.io.CsvFormats}).
 *
 * <p>Internal (x-internal: the engine's own). May use: the JDK (ImageIO), Apache Commons CSV, the model's {@code AtomicFiles}.
 */
package org.hqcm.engine.internal.io;
