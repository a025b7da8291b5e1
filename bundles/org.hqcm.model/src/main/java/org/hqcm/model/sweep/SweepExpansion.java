package org.hqcm.model.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hqcm.model.Experiment;
import org.hqcm.model.Sweep;
import org.hqcm.model.SweepAxis;
import org.hqcm.model.SweepStrategy;
import org.hqcm.model.resource.HqcmResources;

/**
 * What a sweep runs: its base experiment, its configurations (every combination of axis values for GRID, a seeded
 * draw of {@code randomCount} of them without replacement for RANDOM, kept in grid order) and its trials
 * (configurations x seeds, configuration-major). The head axis is applied first, so that a later axis such as
 * {@code architecture.head.qubits} reaches the chosen head.
 */
public final class SweepExpansion {

    /** Most combinations a sweep may describe (before a random draw): bounds memory and validation time. */
    public static final int MAX_CONFIGURATIONS = 10_000;
    /** Most trials (configurations x seeds). */
    public static final int MAX_TRIALS = 10_000;

    /** A value of one axis that cannot be applied; the message says why and what is expected. */
    public static final class AxisValueException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int axis;
        private final int value;

        AxisValueException(int axis, int value, String message) {
            super(message);
            this.axis = axis;
            this.value = value;
        }

        /** Index of the axis in the sweep. */
        public int axis() {
            return axis;
        }

        /** Index of the value in the axis. */
        public int value() {
            return value;
        }
    }

    private SweepExpansion() {
    }

    /** The file of the base experiment, or null when it is contained. */
    public static Path experimentFile(Sweep sweep, Path sweepFolder) {
        String f = sweep.getExperimentFile();
        if (f == null || f.isBlank()) {
            return null;
        }
        Path p = Path.of(f);
        return p.isAbsolute() || sweepFolder == null ? p : sweepFolder.resolve(p).normalize();
    }

    /**
     * A copy of the base experiment: loaded from {@code experimentFile} (relative to {@code sweepFolder}) or the
     * contained one. Throws ModelFileException when the file cannot be read, IllegalArgumentException when there is
     * no base.
     */
    public static Experiment base(Sweep sweep, Path sweepFolder) {
        Path file = experimentFile(sweep, sweepFolder);
        if (file != null) {
            return HqcmResources.loadExperiment(file);
        }
        if (sweep.getExperiment() == null) {
            throw new IllegalArgumentException("the sweep has no base experiment; expected experimentFile or a contained experiment");
        }
        return EcoreUtil.copy(sweep.getExperiment());
    }

    /** The folder the base experiment's relative data paths resolve against. */
    public static Path baseFolder(Sweep sweep, Path sweepFolder) {
        Path file = experimentFile(sweep, sweepFolder);
        return file != null ? file.toAbsolutePath().getParent() : sweepFolder;
    }

    /** The seeds: the list, or seedCount seeds from firstSeed. */
    public static List<Long> seeds(Sweep sweep) {
        if (!sweep.getSeeds().isEmpty()) {
            return List.copyOf(sweep.getSeeds());
        }
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < sweep.getSeedCount(); i++) {
            seeds.add(sweep.getFirstSeed() + i);
        }
        return seeds;
    }

    /** Number of grid combinations (saturating at Long.MAX_VALUE). */
    public static long gridSize(Sweep sweep) {
        long n = 1;
        for (SweepAxis a : sweep.getAxes()) {
            try {
                n = Math.multiplyExact(n, Math.max(1, a.getValues().size()));
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }

    /** Indices of the chosen value of each axis, per configuration, in grid order. */
    public static List<int[]> combinations(Sweep sweep) {
        long size = gridSize(sweep);
        if (size > MAX_CONFIGURATIONS) {
            throw new IllegalArgumentException(size + " combinations of axis values are not allowed; expected at most "
                    + MAX_CONFIGURATIONS);
        }
        int axes = sweep.getAxes().size();
        List<int[]> all = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            int[] c = new int[axes];
            int rest = k;
            // the last axis varies fastest, as nested loops in axis order
            for (int a = axes - 1; a >= 0; a--) {
                int n = Math.max(1, sweep.getAxes().get(a).getValues().size());
                c[a] = rest % n;
                rest /= n;
            }
            all.add(c);
        }
        if (sweep.getStrategy() == SweepStrategy.RANDOM && sweep.getRandomCount() < all.size()) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                order.add(i);
            }
            // java.util.Random's sequence is specified, so the draw is the same on every JVM
            Collections.shuffle(order, new Random(sweep.getRandomSeed()));
            List<Integer> chosen = new ArrayList<>(order.subList(0, Math.max(0, sweep.getRandomCount())));
            chosen.sort(null);
            List<int[]> drawn = new ArrayList<>();
            for (int i : chosen) {
                drawn.add(all.get(i));
            }
            return drawn;
        }
        return all;
    }

    /** The configurations of the sweep on {@code base}; a value that cannot be applied throws AxisValueException. */
    public static List<Configuration> configurations(Sweep sweep, Experiment base) {
        List<SweepAxis> axes = sweep.getAxes();
        List<FeaturePath> paths = new ArrayList<>();
        for (int a = 0; a < axes.size(); a++) {
            try {
                paths.add(FeaturePath.parse(axes.get(a).getPath()));
            } catch (IllegalArgumentException e) {
                throw new AxisValueException(a, -1, e.getMessage());
            }
        }
        List<Configuration> out = new ArrayList<>();
        for (int[] c : combinations(sweep)) {
            Experiment e = EcoreUtil.copy(base);
            e.setRepeats(1);
            List<String> values = new ArrayList<>();
            List<String> label = new ArrayList<>();
            for (int a = 0; a < axes.size(); a++) {
                String v = axes.get(a).getValues().isEmpty() ? "" : axes.get(a).getValues().get(c[a]);
                values.add(v);
                label.add(paths.get(a) + "=" + v);
            }
            // the head first: later axes may reach into the chosen head
            for (int pass = 0; pass < 2; pass++) {
                for (int a = 0; a < axes.size(); a++) {
                    if (paths.get(a).isHead() == (pass == 0) && !axes.get(a).getValues().isEmpty()) {
                        try {
                            paths.get(a).apply(e, values.get(a));
                        } catch (IllegalArgumentException ex) {
                            throw new AxisValueException(a, c[a], ex.getMessage());
                        }
                    }
                }
            }
            String text = label.isEmpty() ? "base" : String.join(", ", label);
            if (e.getDescription() != null && !label.isEmpty()) {
                e.setDescription(e.getDescription() + " Sweep configuration: " + text + ".");
            }
            out.add(new Configuration(TrialIds.configuration(e), text, List.copyOf(values), e));
        }
        return out;
    }

    /** Every trial: each configuration with each seed. */
    public static List<Trial> trials(Sweep sweep, Experiment base) {
        List<Configuration> configurations = configurations(sweep, base);
        List<Long> seeds = seeds(sweep);
        if ((long) configurations.size() * seeds.size() > MAX_TRIALS) {
            throw new IllegalArgumentException(configurations.size() + " configurations x " + seeds.size()
                    + " seeds are not allowed; expected at most " + MAX_TRIALS + " trials");
        }
        List<Trial> trials = new ArrayList<>();
        for (Configuration c : configurations) {
            for (long seed : seeds) {
                trials.add(new Trial(TrialIds.trial(c.experiment(), seed), c, seed));
            }
        }
        return trials;
    }
}
