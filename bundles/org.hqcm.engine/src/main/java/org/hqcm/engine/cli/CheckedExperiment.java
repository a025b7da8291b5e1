package org.hqcm.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hqcm.engine.internal.run.MemoryEstimate;
import org.hqcm.engine.internal.run.RunPreflight;
import org.hqcm.model.Experiment;
import org.hqcm.model.Sweep;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.resource.ModelFileException;
import org.hqcm.model.validation.ExperimentValidator;
import org.hqcm.model.validation.FeaturePaths;
import org.hqcm.model.validation.Problem;

/**
 * An experiment file (or a sweep file) as the CLI sees it: loaded (or why not) and checked as a run checks it
 * before it starts ({@link RunPreflight}: constraints, data listing, memory), with relative source paths resolved
 * against the file's folder. Problems print as {@code FILE: feature: message}.
 */
record CheckedExperiment(Path file, Experiment experiment, List<Problem> problems, String loadFailure) {

    static CheckedExperiment of(Path file) {
        if (file.getFileName() != null && file.getFileName().toString().endsWith("." + HqcmResources.SWEEP_EXTENSION)) {
            return ofSweep(file);
        }
        try {
            Experiment e = HqcmResources.loadExperiment(file);
            Path base = file.toAbsolutePath().normalize().getParent();
            return new CheckedExperiment(file, e,
                    RunPreflight.check(e, base, MemoryEstimate.Limits.ofThisProcess()), null);
        } catch (ModelFileException e) {
            return new CheckedExperiment(file, null, List.of(), e.getMessage());
        }
    }

    /** A sweep file, checked by the same rules (its axes and every expanded trial); {@code experiment} is null. */
    static CheckedExperiment ofSweep(Path file) {
        try {
            Sweep s = HqcmResources.loadSweep(file);
            Path base = file.toAbsolutePath().normalize().getParent();
            return new CheckedExperiment(file, null, ExperimentValidator.validate(s, base), null);
        } catch (ModelFileException e) {
            return new CheckedExperiment(file, null, List.of(), e.getMessage());
        }
    }

    /** True when the file can be run: loaded, and no problem is an error. */
    boolean ok() {
        return loadFailure == null && !ExperimentValidator.hasErrors(problems);
    }

    long errors() {
        return loadFailure != null ? 1 : problems.stream().filter(Problem::isError).count();
    }

    long warnings() {
        return problems.stream().filter(p -> !p.isError()).count();
    }

    /**
     * Prints the load failure to {@code err}, or each problem to {@code out}; the first problem of a field is followed
     * by an indented note with the field's documentation from the model (hqcm.ecore), so that a user without the
     * editor's tooltips learns what the field is. Lines of problems still start with the file name.
     */
    void print(PrintWriter out, PrintWriter err) {
        if (loadFailure != null) {
            err.println(loadFailure);
            err.flush();
            return;
        }
        Set<EStructuralFeature> noted = new HashSet<>();
        for (Problem p : problems) {
            out.println(file + ": " + (p.isError() ? "" : "warning: ") + p.featurePath() + ": " + p.message());
            EStructuralFeature f = FeaturePaths.feature(experiment, p.featurePath());
            String doc = f == null ? null : EcoreUtil.getDocumentation(f);
            if (doc != null && !doc.isBlank() && noted.add(f)) {
                out.println(NOTE + doc.strip());
            }
        }
        out.flush();
    }

    /** How a documentation line under a problem starts. */
    static final String NOTE = "    note: ";
}
