/**
 * The "HQCM Experiment" launch: its attributes, where the engine is, the engine's command line, the delegate that
 * makes the run folder and starts the engine in its own JVM, the Progress-view job that follows the run's events,
 * and {@link org.hqcm.launch.internal.RunLaunches} (run, resume, re-run, cancel) for the IDE's views. It reads the
 * run folder only through the engine's {@code org.hqcm.engine.run} layout and event records; no ND4J class is loaded.
 *
 * <p>May use: Eclipse's debug and jobs API, the model (run records), the engine's run folder layout and event
 * records ({@code RunFolder}, {@code RunEvent}, {@code EventStream}, {@code EventTail}); never the engine's training
 * (the engine runs in its own JVM).
 */
package org.hqcm.launch.internal;
