package org.hqcm.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hqcm.engine.internal.run.NoiseGrid;
import org.hqcm.engine.internal.run.RunReport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hqcm noise RUN_DIR}: a trained model's test accuracy and Jaccard over a grid of noise and shots. */
@Command(name = "noise", mixinStandardHelpOptions = true,
        description = "How much hardware noise a trained model survives, without retraining: the test split with the "
                + "quantum head under each noise channel at each strength and each shot count (density matrices "
                + "for gate noise), the backbone run once. Writes noise.csv, noise-accuracy.png and "
                + "noise-jaccard.png (one line per channel, exact expectations) and with several shot counts "
                + "noise-accuracy-<channel>.png (default: into RUN_DIR/noise, and rewrites the run's report). With "
                + "--classical, the classical counterpart's test results are the reference line. Attention Jaccard "
                + "is computed before the head and cannot change; the plotted Jaccard is the classification's "
                + "(macro TP / (TP + FP + FN)), with the attention Jaccard as flat lines.")
public final class NoiseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A completed run with a quantum head.")
    Path run;

    @Option(names = "--classical", paramLabel = "RUN_DIR",
            description = "A completed classical run on the same test set: its accuracy is the reference line.")
    Path classical;

    @Option(names = "--channels", split = ",", defaultValue = "depolarizing,amplitudeDamping,phaseDamping,readout",
            paramLabel = "C,...", description = "Channels, one at a time (default: ${DEFAULT-VALUE}).")
    List<String> channels;

    @Option(names = "--strengths", split = ",", defaultValue = "0,0.005,0.01,0.02,0.03,0.05,0.075,0.1,0.15,0.2",
            paramLabel = "P,...", description = "Strengths of each channel (default: ${DEFAULT-VALUE}).")
    double[] strengths;

    @Option(names = "--shots", split = ",", defaultValue = "0,1000", paramLabel = "N,...",
            description = "Shot counts; 0 = exact expectations (default: ${DEFAULT-VALUE}).")
    int[] shots;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the shot sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: RUN_DIR/noise).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        List<NoiseGrid.Channel> list = new ArrayList<>();
        for (String c : channels) {
            list.add(NoiseGrid.Channel.parse(c));
        }
        NoiseGrid.Setup setup = new NoiseGrid.Setup(list, strengths, shots, seed);
        NoiseGrid.Result r = NoiseGrid.run(run, classical, setup, line -> {
            pw.println(line);
            pw.flush();
        });
        pw.printf(Locale.ROOT, "%d test images; recorded test accuracy %.4f, reloaded model %.4f%n", r.testImages(),
                r.recordedAccuracy(), r.reproducedAccuracy());
        if (r.classical() != null) {
            pw.printf(Locale.ROOT, "classical %s: accuracy %.4f, macro Jaccard %.4f%n", r.classical().run(),
                    r.classical().accuracy(), r.classical().macroJaccard());
        }
        for (Path p : NoiseGrid.write(r, out != null ? out : run.resolve(NoiseGrid.FOLDER))) {
            pw.println("written: " + p);
        }
        if (out == null) {
            // the run's report shows the figures of its noise/ folder
            pw.println("written: " + RunReport.write(run));
        }
        pw.flush();
        return ExitCodes.OK;
    }
}
