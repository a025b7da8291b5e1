package org.hqcm.engine.internal.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.data.BadFile;
import org.hqcm.engine.internal.data.DatasetLoader;
import org.hqcm.engine.internal.data.SourceFormat;
import org.hqcm.engine.internal.data.SourceSpec;
import org.hqcm.engine.internal.data.TumourClass;
import org.hqcm.engine.internal.train.ExperimentMapping;
import org.hqcm.model.Experiment;
import org.hqcm.model.validation.ExperimentValidator;
import org.hqcm.model.validation.Problem;

/**
 * Everything a run checks before it makes a run folder, in one place, so that {@code hqcm validate} reports exactly
 * what {@code hqcm run} would refuse at the start: the model's constraints, what the engine implements (entanglers,
 * activations), the data sources as listed (no class folders, no files, files refused before reading) and the memory
 * the run needs against this JVM's heap and the machine's available memory ({@link MemoryEstimate}).
 */
public final class RunPreflight {

    /** "architecture.head.entangler: ..." as the engine's own messages start. */
    private static final Pattern FIELD = Pattern.compile("([a-z][A-Za-z]*(?:\\[\\d+])?(?:\\.[a-z][A-Za-z]*(?:\\[\\d+])?)+): (.*)",
            Pattern.DOTALL);

    private RunPreflight() {
    }

    /**
     * The problems of running {@code e}; relative source paths resolve against {@code baseDir}. Later checks need a
     * model without errors, so they run only when the constraints hold.
     */
    public static List<Problem> check(Experiment e, Path baseDir, MemoryEstimate.Limits limits) {
        List<Problem> problems = new ArrayList<>(ExperimentValidator.validate(e, baseDir));
        if (ExperimentValidator.hasErrors(problems)) {
            return problems;
        }
        try {
            ExperimentMapping.network(e, e.getSeed());
        } catch (BadInputException ex) {
            problems.add(problem(ex.getMessage(), "architecture"));
            return problems;
        }
        long images = 0;
        List<SourceSpec> specs = ExperimentMapping.sources(e, baseDir == null ? Path.of(".") : baseDir);
        for (int i = 0; i < specs.size(); i++) {
            SourceSpec spec = specs.get(i);
            String field = "dataset.sources[" + i + "]";
            if (spec.kind() == SourceFormat.SYNTHETIC) {
                images += (long) TumourClass.COUNT * spec.perClass();
                continue;
            }
            List<BadFile> refused = new ArrayList<>();
            int files;
            try {
                files = DatasetLoader.files(spec, refused).size();
            } catch (BadInputException ex) {
                problems.add(new Problem(Problem.Severity.ERROR, field + ".path", ex.getMessage()));
                continue;
            }
            if (files == 0) {
                problems.add(new Problem(Problem.Severity.ERROR, field + ".path", "no images found in " + spec.describe()
                        + (refused.isEmpty() ? "" : " (" + refused.size() + " refused, first: " + refused.get(0) + ")")
                        + ": expected " + DatasetLoader.expectation(spec.kind())));
                continue;
            }
            if (!refused.isEmpty()) {
                problems.add(new Problem(Problem.Severity.WARNING, field + ".path", refused.size()
                        + " files or folders are not read (first: " + refused.get(0) + ")"));
            }
            images += spec.kind().isVolume() ? files * spec.volume().slicesPerCaseBound() : files;
        }
        if (!ExperimentValidator.hasErrors(problems)) {
            MemoryEstimate.of(e, images).check(limits).ifPresent(problems::add);
        }
        return problems;
    }

    /** A message of the engine that starts with a feature path becomes a problem at that path. */
    private static Problem problem(String message, String fallbackField) {
        Matcher m = FIELD.matcher(message);
        return m.matches() ? new Problem(Problem.Severity.ERROR, m.group(1), m.group(2))
                : new Problem(Problem.Severity.ERROR, fallbackField, message);
    }
}
