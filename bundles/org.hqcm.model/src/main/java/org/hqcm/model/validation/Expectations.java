package org.hqcm.model.validation;

import java.util.List;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * What the rules allow for a number attribute, in the words of the rule itself ("> 0", "1..12", "a fraction in
 * (0, 1)"), for messages about text that is not a number at all ("'abc' is not a number: expected a learning rate
 * > 0"). Asked of {@link HqcmConstraints} rather than written a second time: a copy of the model gets a value no
 * rule allows (NaN, the smallest integer) and the expectation of the problem the rule reports is returned, so a
 * rule added or changed in HqcmConstraints is what the message says with no code here.
 */
public final class Expectations {

    private static final String EXPECTED = "; expected ";

    private Expectations() {
    }

    /** The allowed values of a single-valued number attribute of {@code owner}, or null when no rule limits it. */
    public static String of(EObject owner, EAttribute attribute) {
        Object probe = probe(attribute);
        if (probe == null || attribute.isMany()) {
            return null;
        }
        EObject root = EcoreUtil.getRootContainer(owner);
        EcoreUtil.Copier copier = new EcoreUtil.Copier();
        copier.copy(root);
        copier.copyReferences();
        EObject copy = copier.get(owner);
        copy.eSet(attribute, probe);
        String path = FeaturePaths.of(copy, attribute, -1);
        List<Problem> problems = ExperimentValidator.validate(copy, null);
        for (Problem p : problems) {
            int at = p.message().indexOf(EXPECTED);
            if (p.isError() && p.featurePath().equals(path) && at >= 0) {
                return p.message().substring(at + EXPECTED.length());
            }
        }
        return null;
    }

    /** A value of the attribute's type that no range rule allows, or null for other types. */
    private static Object probe(EAttribute a) {
        Class<?> type = a.getEAttributeType().getInstanceClass();
        if (type == double.class || type == Double.class) {
            return Double.NaN;
        }
        if (type == float.class || type == Float.class) {
            return Float.NaN;
        }
        if (type == int.class || type == Integer.class) {
            return Integer.MIN_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return Long.MIN_VALUE;
        }
        return null;
    }
}
