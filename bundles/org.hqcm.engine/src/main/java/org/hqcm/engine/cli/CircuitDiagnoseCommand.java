package org.hqcm.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.eval.Table;
import org.hqcm.engine.plot.LineChart;
import org.hqcm.engine.quantum.Embedding;
import org.hqcm.engine.quantum.GradientVariance;
import org.hqcm.engine.quantum.Pauli;
import org.hqcm.model.resource.AtomicFiles;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hqcm circuit diagnose}: the barren-plateau scan, as a table, a CSV and a plot. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Trainability at random initialisation: the variance over random weights and inputs of the "
                + "gradient of each <P_j> with respect to every circuit weight, per qubit count and layer count "
                + "(the barren-plateau scan). Prints a table and writes gradient-variance.csv and "
                + "gradient-variance.png.")
public final class CircuitDiagnoseCommand implements Callable<Integer> {

    @Option(names = "--qubits", split = ",", defaultValue = "2,3,4,5,6,7,8", paramLabel = "Q,...",
            description = "Qubit counts (default: ${DEFAULT-VALUE}; at most 6 with gate noise).")
    int[] qubits;

    @Option(names = "--layers", split = ",", defaultValue = "1,2,5,10", paramLabel = "L,...",
            description = "Layer counts (default: ${DEFAULT-VALUE}).")
    int[] layers;

    @Option(names = "--samples", defaultValue = "200", paramLabel = "N",
            description = "Random circuits per cell (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--measure", defaultValue = "Y", paramLabel = "X|Y|Z",
            description = "Pauli observable on every wire (default: ${DEFAULT-VALUE}).")
    String measure;

    @Option(names = "--embedding", defaultValue = "amplitude", paramLabel = "amplitude|angle",
            description = "Embedding of the random inputs (default: ${DEFAULT-VALUE}).")
    String embedding;

    @Mixin
    NoiseOptions noise;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "diagnose", paramLabel = "DIR",
            description = "Folder for the CSV and the plot (default: ${DEFAULT-VALUE}).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        var spec0 = CircuitOptions.spec(1, 1, measure, embedding, 0);
        Embedding emb = spec0.embedding();
        Pauli pauli = spec0.measurement();
        GradientVariance.Setup setup = new GradientVariance.Setup(qubits, layers, samples, emb, pauli, noise.model(), seed);
        PrintWriter pw = command.commandLine().getOut();
        pw.printf(Locale.ROOT, "gradient variance at random initialisation: %d samples per cell, <%s>, %s embedding, "
                + "noise %s%n", samples, pauli, emb.name().toLowerCase(Locale.ROOT), setup.noise());
        pw.printf("%6s %6s %10s %14s %14s %14s %12s%n", "qubits", "layers", "parameters", "mean Var", "min Var",
                "max Var", "mean |grad|");
        pw.flush();
        List<GradientVariance.Cell> cells = GradientVariance.run(setup, c -> {
            pw.printf(Locale.ROOT, "%6d %6d %10d %14.4e %14.4e %14.4e %12.4e%n", c.qubits(), c.layers(), c.parameters(),
                    c.meanVariance(), c.minVariance(), c.maxVariance(), c.meanAbsGradient());
            pw.flush();
        });
        for (int l : layers) {
            double slope = GradientVariance.log2Slope(cells, l);
            if (!Double.isNaN(slope)) {
                pw.printf(Locale.ROOT, "layers %d: mean variance changes by 2^%.2f per added qubit%n", l, slope);
            }
        }
        write(cells, setup);
        pw.println("written: " + out.resolve("gradient-variance.csv") + ", " + out.resolve("gradient-variance.png"));
        pw.flush();
        return ExitCodes.OK;
    }

    private void write(List<GradientVariance.Cell> cells, GradientVariance.Setup setup) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new BadInputException(out + ": cannot create the folder (" + e.getMessage() + ")", e);
        }
        List<List<String>> rows = new ArrayList<>();
        for (GradientVariance.Cell c : cells) {
            rows.add(List.of(Integer.toString(c.qubits()), Integer.toString(c.layers()), Integer.toString(c.samples()),
                    Integer.toString(c.parameters()), e(c.meanVariance()), e(c.minVariance()), e(c.maxVariance()),
                    e(c.meanAbsGradient()), String.format(Locale.ROOT, "%.3f", c.seconds())));
        }
        Table table = new Table(List.of("qubits", "layers", "samples", "parameters", "meanVariance", "minVariance",
                "maxVariance", "meanAbsGradient", "seconds"), rows);
        LineChart chart = LineChart.of(String.format(Locale.ROOT, "Gradient variance at random initialisation (<%s>, "
                + "noise %s)", setup.measurement(), setup.noise())).xLabel("qubits")
                .yLabel("log10 mean Var[d<" + setup.measurement() + "_j>/dw]");
        for (int l : setup.layers()) {
            double[] x = cells.stream().filter(c -> c.layers() == l).mapToDouble(GradientVariance.Cell::qubits).toArray();
            double[] y = cells.stream().filter(c -> c.layers() == l)
                    .mapToDouble(c -> c.meanVariance() > 0 ? Math.log10(c.meanVariance()) : Double.NaN).toArray();
            chart = chart.series(l + (l == 1 ? " layer" : " layers"), x, y);
        }
        try {
            AtomicFiles.writeString(out.resolve("gradient-variance.csv"), table.toCsv());
            chart.writePng(out.resolve("gradient-variance.png"), 900, 600);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write into " + out + ": " + ex.getMessage(), ex);
        }
    }

    private static String e(double v) {
        return String.format(Locale.ROOT, "%.6e", v);
    }
}
