package org.hqcm.engine.internal.data;

/** Told how far loading has come, so a command line or the IDE can show a bar. Called from worker threads. */
@FunctionalInterface
public interface LoadProgress {
    /** Does nothing. */
    LoadProgress NONE = (done, total) -> { };

    void update(int done, int total);
}
