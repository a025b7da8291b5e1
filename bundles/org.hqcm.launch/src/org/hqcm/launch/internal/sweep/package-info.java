/**
 * The "HQCM Sweep" launch: its configuration ({@link org.hqcm.launch.internal.sweep.SweepLaunchSettings}: the
 * .hqcmsweep file, the Spark master, the trials' heap), tab, Run As shortcut and delegate, which starts
 * {@code ./hqcm sweep} in a JVM of its own (Spark stays out of the IDE, as the sweep module stays out of the product)
 * and follows the sweep folder in the Progress view ({@link org.hqcm.launch.internal.sweep.SweepProgressJob}).
 *
 * <p>May use: the platform's debug core and UI, the model, and the engine's sweep folder and master grammar
 * (org.hqcm.engine.sweep: no Spark, no ND4J), and the experiment launch's engine location and environment.
 */
package org.hqcm.launch.internal.sweep;
