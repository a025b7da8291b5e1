package org.hqcm.ui.internal.sweeps;

import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.hqcm.model.ConfigurationSummary;
import org.hqcm.model.SweepRecord;
import org.hqcm.model.TrialRecord;

/**
 * One sweep folder of the workspace with its record, as the engine last wrote it: the rows of the Runs view's sweeps
 * are this, its configurations ({@link Group}) and their trials ({@link Trial}).
 */
public record SweepRow(IContainer folder, SweepRecord record) {

    /** A configuration of a sweep: a group of seeds. */
    public record Group(SweepRow sweep, ConfigurationSummary summary) {

        /** The trials of the configuration, in the record's order. */
        public List<Trial> trials() {
            return sweep.record().getTrials().stream().filter(t -> summary.getId().equals(t.getConfiguration()))
                    .map(t -> new Trial(this, t)).toList();
        }

        public long trialCount() {
            return sweep.record().getTrials().stream().filter(t -> summary.getId().equals(t.getConfiguration())).count();
        }
    }

    /** One trial (a configuration with one seed): an ordinary run folder once completed. */
    public record Trial(Group group, TrialRecord record) {

        /** The trial's run folder in the workspace (it exists once the trial completed). */
        public IContainer runFolder() {
            return group.sweep().folder().getFolder(org.eclipse.core.runtime.Path.fromPortableString("runs/" + record.getId()));
        }
    }

    public List<Group> groups() {
        return record.getConfigurations().stream().map(c -> new Group(this, c)).toList();
    }

    public String name() {
        return record.getName() == null ? folder.getName() : record.getName();
    }
}
