package org.hqcm.engine.internal.data;

/** What a dataset does with copies of one image (the experiment's {@code dataset.duplicatePolicy}). */
public enum DuplicateHandling {
    /** Keep every copy; a group of copies goes to one split, like one patient's images. */
    GROUP,
    /** Keep the first of each group (in load order) and drop the others. */
    DROP,
    /** Refuse the dataset, naming the copies. */
    FAIL
}
