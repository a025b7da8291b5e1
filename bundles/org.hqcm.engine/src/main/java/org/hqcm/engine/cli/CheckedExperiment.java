package org.hqcm.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hqcm.model.Experiment;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.resource.ModelFileException;
import org.hqcm.model.validation.ExperimentValidator;
import org.hqcm.model.validation.FeaturePaths;
import org.hqcm.model.validation.Problem;

/**
 * An experiment file as the CLI sees it: loaded (or why not) and validated, with relative source paths
 * resolved against the file's folder. Problems print as {@code FILE: feature: message}.
 */
record CheckedExperiment(Path file, Experiment experiment, List<Problem> problems, String loadFailure) {

    static CheckedExperiment of(Path file) {
        try {
            Experiment e = HqcmResources.loadExperiment(file);
            Path base = file.toAbsolutePath().normalize().getParent();
            return new CheckedExperiment(file, e, ExperimentValidator.validate(e, base), null);
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
