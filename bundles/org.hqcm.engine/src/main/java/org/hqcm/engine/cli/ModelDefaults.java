package org.hqcm.engine.cli;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.hqcm.model.HqcmPackage;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;

/**
 * picocli's defaults for options marked {@link ModelDefault}: the attributes' default literals in hqcm.ecore, the one
 * place every default lives. Options without the mark keep their own (those are the command line's, not the model's).
 */
public final class ModelDefaults implements IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec.userObject() instanceof Field field)) {
            return null;
        }
        ModelDefault mark = field.getAnnotation(ModelDefault.class);
        return mark == null ? null : of(mark);
    }

    /** The command-line text of the model defaults {@code mark} names. */
    static String of(ModelDefault mark) {
        List<String> parts = new ArrayList<>();
        for (String name : mark.value()) {
            String literal = attribute(name).getDefaultValueLiteral();
            if (literal == null) {
                throw new IllegalStateException(name + " has no default in hqcm.ecore");
            }
            if (!mark.dropPrefix().isEmpty() && literal.startsWith(mark.dropPrefix())) {
                literal = literal.substring(mark.dropPrefix().length());
            }
            parts.add(mark.lowerCase() ? literal.toLowerCase(Locale.ROOT) : literal);
        }
        return String.join(",", parts);
    }

    /** The attribute {@code Class.attribute} of the experiment model. */
    static EAttribute attribute(String name) {
        int dot = name.indexOf('.');
        if (dot < 0 || !(HqcmPackage.eINSTANCE.getEClassifier(name.substring(0, dot)) instanceof EClass c)) {
            throw new IllegalStateException(name + ": expected Class.attribute of hqcm.ecore");
        }
        EStructuralFeature f = c.getEStructuralFeature(name.substring(dot + 1));
        if (!(f instanceof EAttribute a)) {
            throw new IllegalStateException(name + ": " + c.getName() + " has no such attribute");
        }
        return a;
    }
}
