package org.hqcm.engine.internal.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hqcm.engine.internal.io.ArrayArchive;
import org.hqcm.engine.internal.nn.HybridNetwork;
import org.hqcm.engine.internal.nn.optim.Optimizer;

/**
 * Everything a run needs to continue after its last completed epoch: history, schedule, the best weights so far,
 * and (in {@link #toArrays}) the current weights and the optimizer's moments. Stored as named arrays, never as
 * serialized objects.
 */
public final class TrainingState {

    private static final String NET = "net.";
    private static final String BEST = "best.";
    private static final String OPT = "opt.";
    private static final String HISTORY = "history.";

    final List<EpochResult> history = new ArrayList<>();
    final PlateauSchedule schedule;
    Map<String, double[]> bestNetwork;
    boolean finished;
    private final HybridNetwork net;
    private final Optimizer optimizer;

    TrainingState(TrainingOptions options, HybridNetwork net, Optimizer optimizer) {
        this.net = net;
        this.optimizer = optimizer;
        this.schedule = new PlateauSchedule(options.plateauFactor(), options.plateauPatience(),
                options.stoppingPatience());
    }

    /** Epochs completed so far. */
    public int epochsDone() {
        return history.size();
    }

    /** The epoch (1-based) with the lowest validation loss. */
    public int bestEpoch() {
        return schedule.bestEpoch;
    }

    /** The state with the network's current weights and the optimizer's state, as named arrays (a checkpoint). */
    public Map<String, double[]> toArrays() {
        Map<String, double[]> a = new LinkedHashMap<>();
        a.put("finished", new double[] {finished ? 1 : 0});
        a.put("schedule", schedule.export());
        for (int f = 0; f < EpochResult.FIELDS.length; f++) {
            double[] column = new double[history.size()];
            for (int e = 0; e < column.length; e++) {
                column[e] = history.get(e).field(f);
            }
            a.put(HISTORY + EpochResult.FIELDS[f], column);
        }
        net.exportState().forEach((k, v) -> a.put(NET + k, v));
        optimizer.exportState().forEach((k, v) -> a.put(OPT + k, v));
        if (bestNetwork != null) {
            bestNetwork.forEach((k, v) -> a.put(BEST + k, v));
        }
        return a;
    }

    /**
     * What a checkpoint of {@code net} written by {@link #toArrays} can hold, for reading it without trusting it:
     * the network's arrays (current and best), an optimizer's per-parameter state (Adam's two moments or SGD's
     * velocity, each as long as its parameter), the schedule, and at most {@code maxEpochs} epochs of history.
     */
    public static ArrayArchive.Limits archiveLimits(HybridNetwork net, int maxEpochs) {
        Map<String, Long> lengths = new HashMap<>();
        long total = 0;
        for (Map.Entry<String, double[]> e : net.exportState().entrySet()) {
            lengths.put(NET + e.getKey(), (long) e.getValue().length);
            lengths.put(BEST + e.getKey(), (long) e.getValue().length);
            total += 2L * e.getValue().length;
        }
        Map<String, Long> parameters = new HashMap<>();
        for (var p : net.parameters()) {
            parameters.put(p.name(), p.size());
            total += 2 * p.size();
        }
        for (String f : EpochResult.FIELDS) {
            lengths.put(HISTORY + f, (long) maxEpochs);
            total += maxEpochs;
        }
        lengths.put("finished", 1L);
        lengths.put("schedule", 4L);
        lengths.put(OPT + "step", 1L);
        lengths.put(OPT + "learningRate", 1L);
        total += 7;
        int entries = lengths.size() + 2 * parameters.size();
        return new ArrayArchive.Limits(name -> {
            Long known = lengths.get(name);
            if (known != null) {
                return known;
            }
            // opt.<parameter>.m, .v or .velocity
            int dot = name.lastIndexOf('.');
            return name.startsWith(OPT) && dot > OPT.length()
                    ? parameters.getOrDefault(name.substring(OPT.length(), dot), -1L) : -1L;
        }, total, entries);
    }

    /** Restores a state written by {@link #toArrays}: the network and optimizer get their arrays back. */
    static TrainingState fromArrays(Map<String, double[]> a, TrainingOptions options, HybridNetwork net,
            Optimizer optimizer) {
        TrainingState s = new TrainingState(options, net, optimizer);
        s.finished = a.getOrDefault("finished", new double[] {0})[0] != 0;
        double[] schedule = a.get("schedule");
        if (schedule == null || schedule.length != 4) {
            throw new IllegalArgumentException("checkpoint: the schedule state is missing");
        }
        s.schedule.restore(schedule);
        double[][] columns = new double[EpochResult.FIELDS.length][];
        for (int f = 0; f < columns.length; f++) {
            columns[f] = a.get(HISTORY + EpochResult.FIELDS[f]);
            if (columns[f] == null && f >= EpochResult.FIRST_OPTIONAL_FIELD) {
                columns[f] = new double[columns[0].length];
                java.util.Arrays.fill(columns[f], Double.NaN);
            }
            if (columns[f] == null || columns[f].length != columns[0].length) {
                throw new IllegalArgumentException("checkpoint: history column " + EpochResult.FIELDS[f] + " is missing");
            }
        }
        for (int e = 0; e < columns[0].length; e++) {
            s.history.add(new EpochResult(e + 1, columns[0][e], columns[1][e], columns[2][e], columns[3][e],
                    columns[4][e], columns[5][e], columns[6][e]));
        }
        net.importState(prefixed(a, NET));
        net.parametersChanged();
        optimizer.importState(prefixed(a, OPT), net.parameters());
        Map<String, double[]> best = prefixed(a, BEST);
        s.bestNetwork = best.isEmpty() ? null : best;
        return s;
    }

    private static Map<String, double[]> prefixed(Map<String, double[]> a, String prefix) {
        Map<String, double[]> m = new LinkedHashMap<>();
        a.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                m.put(k.substring(prefix.length()), v);
            }
        });
        return m;
    }
}
