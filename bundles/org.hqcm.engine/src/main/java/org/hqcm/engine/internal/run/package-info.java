/**
 * Running an experiment: {@link org.hqcm.engine.internal.run.ExperimentRunner} trains, evaluates and explains into a
 * run folder ({@code org.hqcm.engine.run} defines its layout and reads it), telling one
 * {@link org.hqcm.engine.internal.run.RunObserver} (a {@link org.hqcm.engine.internal.run.CompositeRunObserver} of the
 * event stream, the log and the front end) what happens; the report, the noise grid, seed comparisons and the memory
 * preflight.
 *
 * <p>Internal (x-internal): for the engine's CLI and its sweep driver ({@code internal.sweep} writes its events and log
 * with {@code EventLog} and {@code RunLog}). May use: everything in the engine but the command line, the
 * model, ND4J and Tribuo.
 */
package org.hqcm.engine.internal.run;
