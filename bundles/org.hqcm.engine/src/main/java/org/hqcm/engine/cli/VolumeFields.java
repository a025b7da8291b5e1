package org.hqcm.engine.cli;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.data.VolumeOptions;
import org.hqcm.engine.internal.train.ExperimentMapping;
import org.hqcm.model.DataSource;
import org.hqcm.model.Dataset;
import org.hqcm.model.HqcmPackage;
import org.hqcm.model.SourceKind;
import org.hqcm.model.presets.ExperimentDefaults;
import org.hqcm.model.validation.HqcmConstraints;

/**
 * {@code --set FIELD=VALUE} of {@code data info}: a volume source's fields set by name on a {@code DataSource} of the
 * model (its defaults, its types, its rules in HqcmConstraints), so the command line repeats none of them.
 */
final class VolumeFields {
    private static final List<String> NOT_SET_HERE = List.of("kind", "path", "imagesPerClass", "difficulty");

    private VolumeFields() {
    }

    static VolumeOptions options(List<String> settings) {
        Dataset dataset = ExperimentDefaults.newDataset();
        DataSource s = ExperimentDefaults.newSource(SourceKind.BRATS);
        dataset.getSources().add(s);
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            String name = eq < 0 ? setting : setting.substring(0, eq).trim();
            EStructuralFeature f = HqcmPackage.Literals.DATA_SOURCE.getEStructuralFeature(name);
            if (eq < 0 || !(f instanceof EAttribute a) || NOT_SET_HERE.contains(name)) {
                throw new BadInputException("--set " + setting + ": expected FIELD=VALUE with FIELD one of "
                        + fieldNames());
            }
            String value = setting.substring(eq + 1).trim();
            try {
                if (a.isMany()) {
                    @SuppressWarnings("unchecked")
                    List<Object> list = (List<Object>) s.eGet(a);
                    list.clear();
                    for (String v : value.isEmpty() ? new String[0] : value.split(",")) {
                        list.add(EcoreUtil.createFromString(a.getEAttributeType(), v.trim()));
                    }
                } else {
                    s.eSet(a, EcoreUtil.createFromString(a.getEAttributeType(), value));
                }
            } catch (RuntimeException e) {
                throw new BadInputException("--set " + setting + ": '" + value + "' is not a " + a.getEAttributeType()
                        .getName().replaceFirst("^E", "").toLowerCase(java.util.Locale.ROOT) + " value of " + name
                        + (a.getEAttributeType() instanceof org.eclipse.emf.ecore.EEnum en ? " (one of "
                        + en.getELiterals().stream().map(l -> l.getName()).collect(Collectors.joining(", ")) + ")" : ""));
            }
        }
        BasicDiagnostic d = new BasicDiagnostic();
        HqcmConstraints.INSTANCE.validateDataSource_valuesAllowed(s, d, Map.of());
        for (Diagnostic problem : d.getChildren()) {
            if (problem.getSeverity() == Diagnostic.ERROR && !problem.getMessage().contains(".path:")) {
                throw new BadInputException("--set: " + problem.getMessage());
            }
        }
        return ExperimentMapping.volumeOptions(s, dataset.getClassNames());
    }

    private static String fieldNames() {
        return HqcmPackage.Literals.DATA_SOURCE.getEAttributes().stream().map(EAttribute::getName)
                .filter(n -> !NOT_SET_HERE.contains(n)).collect(Collectors.joining(", "));
    }
}
