package org.hqcm.model.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hqcm.model.ClassicalHead;
import org.hqcm.model.Experiment;
import org.hqcm.model.Head;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.presets.ExperimentDefaults;

/**
 * A dotted path from an experiment to one of its values, as validation messages name them
 * ({@code training.learningRate}, {@code dataset.sources[0].imagesPerClass}, {@code architecture.head.qubits}), and
 * how a sweep axis sets it from text. {@value #HEAD} is special: its values are {@value #QUANTUM} and
 * {@value #CLASSICAL}, the preset heads. Every failure is an {@link IllegalArgumentException} whose message says what
 * was found and what is expected.
 */
public final class FeaturePath {

    /** The head axis: values {@value #QUANTUM} and {@value #CLASSICAL}. */
    public static final String HEAD = "architecture.head";
    /** The base experiment's quantum head, or the default quantum head when the base is classical. */
    public static final String QUANTUM = "quantum";
    /** The classical counterpart of the base's quantum head (ExperimentDefaults.newClassicalHead), or the base's own. */
    public static final String CLASSICAL = "classical";

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\[(\\d{1,6})\\])?");

    private record Segment(String name, int index) {
    }

    /** Where a path leads: the object that owns the value, its feature, and an element index (-1: the whole value). */
    public record Target(EObject owner, EStructuralFeature feature, int index) {
    }

    private final String text;
    private final List<Segment> segments;

    private FeaturePath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
    }

    /** Parses {@code a.b[2].c}; refuses anything else. */
    public static FeaturePath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing; expected a feature path such as training.learningRate");
        }
        List<Segment> segments = new ArrayList<>();
        for (String part : text.strip().split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("\"" + text + "\" is not allowed; expected feature names joined by '.', "
                        + "each with an optional [index], such as training.learningRate or dataset.sources[0].imagesPerClass");
            }
            segments.add(new Segment(m.group(1), m.group(2) == null ? -1 : Integer.parseInt(m.group(2))));
        }
        return new FeaturePath(text.strip(), List.copyOf(segments));
    }

    /** True for {@value #HEAD}. */
    public boolean isHead() {
        return text.equals(HEAD);
    }

    @Override
    public String toString() {
        return text;
    }

    /** True when a problem at {@code problemPath} concerns this path's value (the path itself or inside it). */
    public boolean covers(String problemPath) {
        return problemPath.equals(text) || problemPath.startsWith(text + ".") || problemPath.startsWith(text + "[");
    }

    /** The owner and feature the path leads to in {@code experiment}. */
    public Target resolve(Experiment experiment) {
        EObject owner = experiment;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            EStructuralFeature f = owner.eClass().getEStructuralFeature(s.name());
            String where = i == 0 ? "" : " (at " + prefix(i) + ")";
            if (f == null) {
                throw new IllegalArgumentException("'" + s.name() + "' is not a feature of " + owner.eClass().getName()
                        + where + "; expected one of " + owner.eClass().getEAllStructuralFeatures().stream()
                                .map(EStructuralFeature::getName).collect(Collectors.joining(", ")));
            }
            if (s.index() >= 0 && !f.isMany()) {
                throw new IllegalArgumentException(owner.eClass().getName() + "." + f.getName() + " holds one value; "
                        + "expected no [" + s.index() + "] after it");
            }
            boolean last = i == segments.size() - 1;
            if (last) {
                if (f instanceof EReference && !isHead()) {
                    throw new IllegalArgumentException(prefix(i + 1) + " is a " + ((EReference) f).getEReferenceType().getName()
                            + " element, not a value; expected a path to one of its values: " + valueNames(((EReference) f)));
                }
                if (s.index() >= 0 && s.index() >= ((List<?>) owner.eGet(f)).size()) {
                    throw new IllegalArgumentException(prefix(i + 1) + ": index " + s.index() + " is out of range; expected < "
                            + ((List<?>) owner.eGet(f)).size());
                }
                return new Target(owner, f, s.index());
            }
            if (!(f instanceof EReference r) || !r.isContainment()) {
                throw new IllegalArgumentException(prefix(i + 1) + " is a value, not an element; expected it last");
            }
            Object value = owner.eGet(f);
            if (f.isMany()) {
                List<?> list = (List<?>) value;
                if (s.index() < 0) {
                    throw new IllegalArgumentException(prefix(i + 1) + " is a list; expected an index such as "
                            + s.name() + "[0]");
                }
                if (s.index() >= list.size()) {
                    throw new IllegalArgumentException(prefix(i + 1) + ": index " + s.index() + " is out of range; the "
                            + "experiment has " + list.size());
                }
                value = list.get(s.index());
            }
            if (!(value instanceof EObject next)) {
                throw new IllegalArgumentException(prefix(i + 1) + " is not set in the experiment");
            }
            owner = next;
        }
        throw new IllegalStateException("empty path");
    }

    private static String valueNames(EReference r) {
        return r.getEReferenceType().getEAllStructuralFeatures().stream().map(EStructuralFeature::getName)
                .collect(Collectors.joining(", "));
    }

    private String prefix(int segmentCount) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < segmentCount; i++) {
            Segment s = segments.get(i);
            b.append(i == 0 ? "" : ".").append(s.name()).append(s.index() >= 0 ? "[" + s.index() + "]" : "");
        }
        return b.toString();
    }

    /** Checks that {@code value} can be set through this path on {@code experiment}, without changing it. */
    public void check(Experiment experiment, String value) {
        apply(EcoreUtil.copy(experiment), value);
    }

    /** Sets the value written as {@code value} through this path. */
    public void apply(Experiment experiment, String value) {
        if (isHead()) {
            experiment.getArchitecture().setHead(head(experiment.getArchitecture().getHead(), value));
            return;
        }
        Target t = resolve(experiment);
        EAttribute attribute = (EAttribute) t.feature();
        EDataType type = attribute.getEAttributeType();
        if (attribute.isMany()) {
            @SuppressWarnings("unchecked")
            EList<Object> list = (EList<Object>) t.owner().eGet(attribute);
            if (t.index() >= 0) {
                list.set(t.index(), parse(type, value));
            } else {
                List<Object> parsed = new ArrayList<>();
                for (String part : value.split(",", -1)) {
                    parsed.add(parse(type, part));
                }
                list.clear();
                list.addAll(parsed);
            }
        } else {
            t.owner().eSet(attribute, parse(type, value));
        }
    }

    private static Head head(Head current, String value) {
        String v = value == null ? "" : value.strip();
        if (v.equals(QUANTUM)) {
            return current instanceof QuantumHead q ? EcoreUtil.copy(q) : ExperimentDefaults.newQuantumHead();
        }
        if (v.equals(CLASSICAL)) {
            if (current instanceof ClassicalHead c) {
                return EcoreUtil.copy(c);
            }
            return ExperimentDefaults.newClassicalHead(
                    current instanceof QuantumHead q ? q : ExperimentDefaults.newQuantumHead());
        }
        throw new IllegalArgumentException("\"" + value + "\" is not allowed; expected " + QUANTUM + " or " + CLASSICAL
                + " (the preset heads)");
    }

    /** A value of {@code type} written as text, strictly (true/false only, whole numbers for integers). */
    static Object parse(EDataType type, String text) {
        String t = text == null ? "" : text.strip();
        Class<?> c = type.getInstanceClass();
        try {
            if (type instanceof EEnum e) {
                EEnumLiteral literal = e.getEEnumLiteral(t);
                if (literal == null) {
                    literal = e.getEEnumLiteralByLiteral(t);
                }
                if (literal == null) {
                    throw new IllegalArgumentException(quote(text) + " is not allowed; expected one of "
                            + e.getELiterals().stream().map(EEnumLiteral::getName).collect(Collectors.joining(", ")));
                }
                return literal.getInstance();
            }
            if (c == boolean.class || c == Boolean.class) {
                if (t.equals("true") || t.equals("false")) {
                    return Boolean.valueOf(t);
                }
                throw new IllegalArgumentException(quote(text) + " is not allowed; expected true or false");
            }
            if (c == int.class || c == Integer.class) {
                return Integer.valueOf(t);
            }
            if (c == long.class || c == Long.class) {
                return Long.valueOf(t);
            }
            if (c == double.class || c == Double.class) {
                double d = Double.parseDouble(t);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            }
            if (c == String.class) {
                return text;
            }
            return EcoreUtil.createFromString(type, t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(quote(text) + " is not allowed; expected " + expected(type));
        }
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    private static String expected(EDataType type) {
        Class<?> c = type.getInstanceClass();
        if (c == int.class || c == long.class || c == Integer.class || c == Long.class) {
            return "an integer";
        }
        if (c == double.class || c == Double.class) {
            return "a finite number";
        }
        return "a value of type " + type.getName();
    }
}
