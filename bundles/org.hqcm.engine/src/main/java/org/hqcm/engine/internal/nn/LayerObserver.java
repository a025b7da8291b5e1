package org.hqcm.engine.internal.nn;

/** Hears each layer finish its forward and backward pass (the benchmark's phase timing; nothing in training). */
public interface LayerObserver {

    /** After {@code layer}'s forward pass. */
    void forwardDone(String layer);

    /** After {@code layer}'s backward pass. */
    void backwardDone(String layer);

    /** Hears nothing. */
    LayerObserver NONE = new LayerObserver() {
        @Override
        public void forwardDone(String layer) {
        }

        @Override
        public void backwardDone(String layer) {
        }
    };
}
