package org.hqcm.engine.data;

/**
 * What one source gave.
 *
 * @param spec the source
 * @param images images loaded
 * @param badFiles files skipped
 * @param withMask images with a non-empty tumour mask
 */
public record SourceSummary(SourceSpec spec, int images, int badFiles, int withMask) {
}
