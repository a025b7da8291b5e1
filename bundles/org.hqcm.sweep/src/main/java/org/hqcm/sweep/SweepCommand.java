package org.hqcm.sweep;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.cli.ShutdownCancel;
import org.hqcm.engine.internal.sweep.SweepDriver;
import org.hqcm.engine.run.OutputFolder;
import org.hqcm.engine.sweep.SparkMasters;
import org.hqcm.engine.sweep.SweepFolder;
import org.hqcm.engine.sweep.SweepReport;
import org.hqcm.model.Sweep;
import org.hqcm.model.resource.HqcmResources;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hqcm sweep FILE [--master local[K] | spark://HOST:PORT] [--out DIR]}, {@code hqcm sweep --resume DIR}, and
 * {@code hqcm sweep report DIR}.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, subcommands = {SweepCommand.Report.class, SweepBench.class},
        description = {"Run a sweep (.hqcmsweep): every configuration x seed as an ordinary run, one Apache Spark task per",
            "trial, in embedded local mode (default local[K] with K the cores of this machine) or on a standalone",
            "cluster (spark://HOST:PORT; the sweep folder must be on storage every worker sees at the same path).",
            "Each trial is exactly 'hqcm run' of its experiment in its own JVM, written to DIR/runs/<trial id> once:",
            "completed trials are never trained again, cut-off ones resume from their checkpoint (--resume DIR after",
            "a crash or Ctrl-C). Ends with the seed-grouped report in DIR/report/ (hqcm sweep report DIR rewrites it).",
            "Exit codes: 0 all trials completed, 1 a trial failed or the sweep was cancelled, 2 bad input."})
public final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The sweep file (.hqcmsweep).")
    Path file;

    @Option(names = "--master", paramLabel = "MASTER",
            description = "local[K] (embedded Spark, K cores; default local[<cores of this machine>]) or spark://HOST:PORT.")
    String master;

    @Option(names = "--out", paramLabel = "DIR", description = "The sweep folder to create (default: sweeps/<sweep>-<yyyyMMdd-HHmmss>).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue this sweep folder: completed trials are kept, the others run (cut-off ones from their checkpoints).")
    Path resume;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if ((file == null) == (resume == null)) {
            throw new BadInputException("sweep: expected a sweep FILE or --resume DIR (exactly one of them)");
        }
        if (resume != null && out != null) {
            throw new BadInputException("sweep: --out and --resume together; --resume continues the folder it names");
        }
        SweepFolder folder;
        if (resume != null) {
            folder = SweepFolder.open(resume);
        } else {
            Sweep sweep = SweepDriver.loadValid(file);
            Path dir = out != null ? out : OutputFolder.stamped(Path.of("sweeps"), sweep.getName());
            folder = SweepDriver.create(sweep, file.toAbsolutePath().getParent(), file.toString(), dir);
        }
        Sweep sweep = HqcmResources.loadSweep(folder.sweep());
        String m = master != null ? master : System.getProperty("spark.master") != null ? SparkMasters.SPARK_SUBMIT
                : SparkMasters.defaultLocal();
        SparkExecutor executor = new SparkExecutor(m, sweep.getThreadsPerTrial(), "hqcm sweep " + sweep.getName());
        String warning = executor.warning();
        if (warning != null) {
            stderr.println(warning);
        }
        try (ShutdownCancel cancel = ShutdownCancel.install(stderr,
                "stopping: running trials stop after their current batch and keep their checkpoints ...")) {
            String javaOptions = System.getenv().getOrDefault("HQCM_TRIAL_JAVA_OPTS",
                    System.getenv().getOrDefault("HQCM_JAVA_OPTS", "-Xmx4g"));
            return new SweepDriver(folder, executor, stdout, stderr, javaOptions, System.getenv("HQCM_TRIAL_NATIVE_CACHE"))
                    .run(cancel.flag()::get);
        }
    }

    /** {@code hqcm sweep report DIR}. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"Write the seed-grouped report of a sweep folder into DIR/report/: per configuration mean ± sd",
                "and 95% intervals across seeds, paired tests between configurations that differ in one axis (Wilcoxon",
                "signed-rank across seeds, pooled McNemar, Holm), band curves, parallel coordinates; HTML, Markdown, JSON."})
    static final class Report implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "The sweep folder.")
        Path dir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            SweepFolder folder = SweepFolder.open(dir);
            String md = SweepReport.write(folder);
            PrintWriter out = spec.commandLine().getOut();
            out.print(md);
            out.println();
            out.println("written: " + folder.report().resolve("report.html") + ", report.md, report.json, figures/");
            out.flush();
            return SweepDriver.OK;
        }
    }
}
