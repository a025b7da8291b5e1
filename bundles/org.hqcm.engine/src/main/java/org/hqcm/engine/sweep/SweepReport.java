package org.hqcm.engine.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hqcm.engine.eval.GroupReport;
import org.hqcm.engine.eval.SeedGroups;
import org.hqcm.engine.run.RunResults;
import org.hqcm.model.EpochRecord;
import org.hqcm.model.RunStatus;
import org.hqcm.model.SweepRecord;
import org.hqcm.model.TrialRecord;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.sweep.FeaturePath;

/**
 * The seed-grouped report of a sweep folder ({@code hqcm sweep report DIR}, and at the end of every sweep): its
 * completed trials grouped by configuration, read from their run folders alone.
 */
public final class SweepReport {

    private SweepReport() {
    }

    /** The groups of a sweep's completed trials, in the record's order. */
    public static SeedGroups groups(SweepFolder folder) {
        SweepRecord record = HqcmResources.loadSweepRecord(folder.record());
        Map<String, List<TrialRecord>> byConfiguration = new LinkedHashMap<>();
        for (TrialRecord t : record.getTrials()) {
            if (t.getState() == RunStatus.COMPLETED && folder.isPublished(t.getId())) {
                byConfiguration.computeIfAbsent(t.getConfiguration(), k -> new ArrayList<>()).add(t);
            }
        }
        List<String> axes = List.copyOf(record.getAxes());
        List<SeedGroups.Group> groups = new ArrayList<>();
        for (List<TrialRecord> trials : byConfiguration.values()) {
            List<SeedGroups.SeedRun> runs = new ArrayList<>();
            for (TrialRecord t : trials) {
                runs.add(seedRun(RunResults.read(folder.run(t.getId())), t.getSeed()));
            }
            TrialRecord first = trials.get(0);
            Map<String, String> values = new LinkedHashMap<>();
            for (int a = 0; a < axes.size(); a++) {
                values.put(axes.get(a), first.getAxisValues().get(a));
            }
            groups.add(new SeedGroups.Group(first.getConfiguration(), first.getLabel(), values, runs));
        }
        return SeedGroups.of(axes, groups, FeaturePath.HEAD);
    }

    /** One run's results as a seed of its configuration. */
    public static SeedGroups.SeedRun seedRun(RunResults r, long seed) {
        List<EpochRecord> epochs = r.record().getEpochs();
        SeedGroups.Curves curves = new SeedGroups.Curves(
                epochs.stream().mapToDouble(EpochRecord::getTrainLoss).toArray(),
                epochs.stream().mapToDouble(EpochRecord::getValidationLoss).toArray(),
                epochs.stream().mapToDouble(EpochRecord::getTrainAccuracy).toArray(),
                epochs.stream().mapToDouble(EpochRecord::getValidationAccuracy).toArray());
        double[] thresholds = r.jaccard() == null ? null : r.jaccard().thresholds();
        double[] means = r.jaccard() == null ? null : r.jaccard().means();
        return new SeedGroups.SeedRun(seed, r.report(), thresholds, means, r.fingerprint(), r.labels(), r.predicted(),
                curves);
    }

    /** Writes {@code report/} of the sweep folder; returns the Markdown. */
    public static String write(SweepFolder folder) {
        SweepRecord record = HqcmResources.loadSweepRecord(folder.record());
        try {
            return GroupReport.write("Sweep " + record.getName(), groups(folder), folder.report());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + folder.report() + ": " + e.getMessage(), e);
        }
    }
}
