package org.hqcm.engine.internal.data;

/** The split a dataset's own folder layout put an image in ({@code Training/}, {@code Testing/}), if any. */
public enum GivenSplit {
    NONE, TRAINING, TESTING
}
