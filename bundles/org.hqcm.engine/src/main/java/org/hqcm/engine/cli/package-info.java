/**
 * The {@code hqcm} command line: one picocli subcommand per class, exit codes in {@link org.hqcm.engine.cli.ExitCodes}.
 */
package org.hqcm.engine.cli;
