package org.hqcm.model.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmPackage.Literals;
import org.hqcm.model.validation.FeaturePaths;

/**
 * Stable names of configurations and trials: a SHA-256 of the experiment's settings, one line
 * {@code featurePath=value} per attribute (defaults included, sorted; the name, description and repeats left out,
 * as they change no result), plus {@code seed=N} for a trial. The same settings give the same id on any machine and
 * in any file layout, so a resumed sweep finds its trials again and a changed setting is a new trial.
 */
public final class TrialIds {

    /** Hex digits of the hash kept: 48 bits, a collision among 10,000 trials has probability below 2e-7. */
    static final int DIGITS = 12;

    private static final Set<EAttribute> NOT_SETTINGS = Set.of(Literals.EXPERIMENT__NAME,
            Literals.EXPERIMENT__DESCRIPTION, Literals.EXPERIMENT__REPEATS);

    private TrialIds() {
    }

    /** The id of a configuration: its settings alone. */
    public static String configuration(Experiment experiment) {
        return hash(settings(experiment));
    }

    /** The id of a trial: its configuration's settings and its seed. */
    public static String trial(Experiment experiment, long seed) {
        return hash(settings(experiment) + "\nseed=" + seed);
    }

    /** The canonical text hashed: one sorted line per setting. */
    public static String settings(Experiment experiment) {
        List<String> lines = new ArrayList<>();
        lines(experiment, lines);
        for (var it = experiment.eAllContents(); it.hasNext();) {
            lines(it.next(), lines);
        }
        lines.sort(null);
        return String.join("\n", lines);
    }

    private static void lines(EObject o, List<String> out) {
        for (EAttribute a : o.eClass().getEAllAttributes()) {
            if (NOT_SETTINGS.contains(a) || a.isTransient() || a.isDerived()) {
                continue;
            }
            String value;
            if (a.isMany()) {
                List<String> parts = new ArrayList<>();
                for (Object v : (List<?>) o.eGet(a)) {
                    parts.add(EcoreUtil.convertToString(a.getEAttributeType(), v));
                }
                value = "[" + String.join(",", parts) + "]";
            } else {
                Object v = o.eGet(a);
                value = v == null ? "null" : EcoreUtil.convertToString(a.getEAttributeType(), v);
            }
            out.add(FeaturePaths.of(o, a, -1) + "=" + value);
        }
        // the kind of a contained element is a setting too (a quantum or a classical head)
        for (EReference r : o.eClass().getEAllContainments()) {
            if (!r.isMany() && o.eGet(r) instanceof EObject child) {
                out.add(FeaturePaths.of(o, r, -1) + ":" + child.eClass().getName());
            }
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
