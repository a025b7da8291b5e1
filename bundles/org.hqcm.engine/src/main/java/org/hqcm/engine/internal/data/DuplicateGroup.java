package org.hqcm.engine.internal.data;

/**
 * Images found to be copies of one another: the same pixels after preprocessing, or perceptual hashes within the
 * dataset's near-duplicate distance (transitively: a copy of a copy is in the group too).
 *
 * @param members indexes into the dataset's samples, increasing; the first is the one a DROP policy keeps
 * @param exact whether all members have the very same preprocessed pixels
 * @param acrossSources whether the members come from more than one source
 * @param mixedLabels whether the members do not all have the same class
 */
public record DuplicateGroup(int[] members, boolean exact, boolean acrossSources, boolean mixedLabels) {

    /** Images beyond the first: the copies. */
    public int copies() {
        return members.length - 1;
    }
}
