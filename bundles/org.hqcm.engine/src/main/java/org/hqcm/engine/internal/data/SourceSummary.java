package org.hqcm.engine.internal.data;

/**
 * What one source gave.
 *
 * @param spec the source
 * @param images images loaded (a multi-frame file gives several)
 * @param badFiles files skipped
 * @param withMask images with a non-empty tumour mask
 * @param goodFiles files read (or phantom images made)
 * @param withPatient images with a patient id
 */
public record SourceSummary(SourceSpec spec, int images, int badFiles, int withMask, int goodFiles, int withPatient) {

    /** Files of the source, read or not. */
    public int files() {
        return goodFiles + badFiles;
    }

    /** The share of the source's files that could not be read (0 for a source without files). */
    public double badShare() {
        return files() == 0 ? 0 : (double) badFiles / files();
    }
}
