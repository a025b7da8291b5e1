package org.hqcm.engine.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.eval.EvalBenchmark;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hqcm bench eval}: the evaluation of one test set of the paper's size on synthetic data (t-SNE,
 * attention Jaccard, Wilcoxon, McNemar, bootstrap), with the one-thread t-SNE measured in the same run as
 * the reference.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Time test-set evaluation (t-SNE, Jaccard, Wilcoxon, McNemar, bootstrap) on synthetic data.")
public final class BenchEvalCommand implements Runnable {

    @Option(names = "--images", defaultValue = "1137", description = "Test images (default: ${DEFAULT-VALUE}, 15 %% of 7,576).")
    int images;

    @Option(names = "--iterations", defaultValue = "1000", description = "t-SNE iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--resamples", defaultValue = "10000", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int resamples;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public void run() {
        if (images < 40 || iterations < 1 || resamples < 100) {
            throw new BadInputException("expected --images >= 40 (t-SNE perplexity 30 needs more points), --iterations >= 1 and "
                    + "--resamples >= 100; got " + images + ", " + iterations + ", " + resamples);
        }
        EvalBenchmark.Setup paper = EvalBenchmark.Setup.paper();
        EvalBenchmark.Result r = EvalBenchmark.run(new EvalBenchmark.Setup(images, paper.headWidth(), paper.mapSize(),
                paper.imageSize(), iterations, resamples));
        PrintWriter out = command.commandLine().getOut();
        out.printf(Locale.ROOT, "evaluation of %d test images (synthetic), %d cores%n", images, r.cores());
        out.printf(Locale.ROOT, "t-SNE exact, %d points x %d, %d iterations: %9.1f ms%n", images, paper.headWidth(),
                iterations, r.tsneMs());
        out.printf(Locale.ROOT, "t-SNE on one thread (reference):            %9.1f ms  -> speed-up %.2fx, identical result: %s%n",
                r.tsneOneThreadMs(), r.tsneSpeedup(), r.identical() ? "yes" : "NO");
        out.printf(Locale.ROOT, "attention Jaccard, %d tumour images, 3 thresholds: %7.1f ms per run%n", r.tumourImages(),
                r.jaccardMs());
        out.printf(Locale.ROOT, "Wilcoxon signed-rank (%d pairs):             %9.3f ms per threshold%n", r.tumourImages(),
                r.wilcoxonMs());
        out.printf(Locale.ROOT, "McNemar:                                    %9.3f ms%n", r.mcnemarMs());
        out.printf(Locale.ROOT, "paired bootstrap, %d resamples:          %9.1f ms%n", resamples, r.bootstrapMs());
        out.flush();
    }
}
