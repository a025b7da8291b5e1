/**
 * The "HQCM Experiment" launch: its attributes, where the engine is, the engine's command line, and the delegate
 * that starts the engine in its own JVM and follows its event stream as a Progress-view job.
 *
 * <p>May use: Eclipse's debug and jobs API, the model (run records), {@code events}; never the engine's
 * classes (the engine runs in its own JVM).
 */
package org.hqcm.launch.internal;
