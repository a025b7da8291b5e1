/**
 * The "HQCM Experiment" launch: its attributes, where the engine is, the engine's command line, and the delegate
 * that starts the engine in its own JVM and follows its event stream as a Progress-view job.
 */
package org.hqcm.launch.internal;
