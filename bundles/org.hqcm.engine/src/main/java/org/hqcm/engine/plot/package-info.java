/**
 * Charts rendered to PNG with java.awt in headless mode (no SWT, no display): bar, line, scatter, heatmap and
 * parallel-coordinates charts and an image gallery, all drawn with one {@link org.hqcm.engine.plot.Theme} so the figures
 * of a run look alike. Every PNG is written through {@link org.hqcm.model.resource.AtomicFiles}.
 *
 * <p>May use: java.awt in headless mode and the model's {@code AtomicFiles}; nothing else of the engine.
 */
package org.hqcm.engine.plot;
