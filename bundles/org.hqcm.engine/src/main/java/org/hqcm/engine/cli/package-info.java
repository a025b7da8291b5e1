/**
 * The {@code hqcm} command line: one picocli subcommand per class, exit codes in
 * {@link org.hqcm.engine.cli.ExitCodes}. Options whose default is a model default are marked {@code @ModelDefault} and
 * read it from hqcm.ecore ({@link org.hqcm.engine.cli.ModelDefaults}).
 *
 * <p>API as a command line (commands, options, exit codes), run in the engine's own JVM; other bundles name only
 * {@link org.hqcm.engine.cli.Main}. May use: everything in the engine and the model, picocli; it is the only package
 * that prints to the console.
 */
package org.hqcm.engine.cli;
