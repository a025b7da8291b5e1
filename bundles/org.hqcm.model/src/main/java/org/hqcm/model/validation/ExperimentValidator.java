package org.hqcm.model.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.impl.EValidatorRegistryImpl;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.hqcm.model.HqcmPackage;

/**
 * Validates a model with {@link HqcmConstraints} through EMF's Diagnostician and returns plain problems. The
 * CLI, the engine and the IDE all go through here (or through the EValidator it uses), so a rule is written
 * once. Independent of what is registered globally.
 */
public final class ExperimentValidator {

    private static final Diagnostician DIAGNOSTICIAN;

    static {
        EValidatorRegistryImpl registry = new EValidatorRegistryImpl(EValidator.Registry.INSTANCE);
        registry.put(HqcmPackage.eINSTANCE, HqcmConstraints.INSTANCE);
        DIAGNOSTICIAN = new Diagnostician(registry);
    }

    private ExperimentValidator() {
    }

    /**
     * Every problem of an experiment (or run record), in model order. Relative source paths resolve against
     * {@code baseDir}, the folder of the .hqcm file; null means the folder of the model's resource, if any.
     */
    public static List<Problem> validate(EObject root, Path baseDir) {
        List<Problem> problems = new ArrayList<>();
        collect(diagnose(root, baseDir), problems);
        return problems;
    }

    /** The EMF diagnostic itself, for callers that want markers. */
    public static Diagnostic diagnose(EObject root, Path baseDir) {
        Map<Object, Object> context = DIAGNOSTICIAN.createDefaultContext();
        if (baseDir != null) {
            context.put(HqcmConstraints.BASE_DIR, baseDir.toAbsolutePath().normalize());
        }
        return DIAGNOSTICIAN.validate(root, context);
    }

    /** True when any problem is an error. */
    public static boolean hasErrors(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError);
    }

    private static void collect(Diagnostic d, List<Problem> out) {
        if (d.getChildren().isEmpty()) {
            if (d.getSeverity() >= Diagnostic.WARNING) {
                out.add(toProblem(d));
            }
            return;
        }
        for (Diagnostic child : d.getChildren()) {
            collect(child, out);
        }
    }

    private static Problem toProblem(Diagnostic d) {
        List<?> data = d.getData();
        if (data.size() >= 3 && data.get(2) instanceof Problem p) {
            return p;
        }
        // EMF's own constraints (data types, multiplicities): keep its message, locate it as ours would be
        String path = "";
        if (!data.isEmpty() && data.get(0) instanceof EObject o) {
            path = data.size() >= 2 && data.get(1) instanceof EStructuralFeature f ? FeaturePaths.of(o, f, -1) : FeaturePaths.of(o);
        }
        Problem.Severity severity = d.getSeverity() >= Diagnostic.ERROR ? Problem.Severity.ERROR : Problem.Severity.WARNING;
        return new Problem(severity, path.isEmpty() ? "(root)" : path, d.getMessage());
    }
}
