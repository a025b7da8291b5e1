/**
 * The headless HQCM engine: data, quantum layer, network, training, evaluation and runs. Plain Java; it knows
 * nothing of SWT or the workbench. This package holds what every part shares: the exceptions that become exit codes
 * ({@link org.hqcm.engine.BadInputException}, {@link org.hqcm.engine.NonFiniteException}), the backend-failure
 * message and where a result came from ({@link org.hqcm.engine.EngineInfo}).
 *
 * <p>May use: the JDK only (ND4J's classes are named by text in {@link org.hqcm.engine.BackendFailure}, so that the
 * IDE can load this package without ND4J).
 */
package org.hqcm.engine;
