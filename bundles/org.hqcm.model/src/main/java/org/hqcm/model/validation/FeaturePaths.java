package org.hqcm.model.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;

/** Dotted paths of model values from their root, as users see them: {@code dataset.sources[0].path}. */
public final class FeaturePaths {

    private FeaturePaths() {
    }

    /** The path of an object itself (empty for the root). */
    public static String of(EObject object) {
        Deque<String> segments = new ArrayDeque<>();
        for (EObject o = object; o.eContainer() != null; o = o.eContainer()) {
            EStructuralFeature f = o.eContainingFeature();
            String segment = f.getName();
            if (f.isMany()) {
                segment += "[" + ((List<?>) o.eContainer().eGet(f)).indexOf(o) + "]";
            }
            segments.push(segment);
        }
        return String.join(".", segments);
    }

    /** One attribute value of a model by its path, as written in the file (lists as "1, 2, 3"). */
    public record Value(String path, EObject owner, EAttribute attribute, String text) {

        /** The model's documentation of the attribute (hqcm.ecore's GenModel annotation), or "". */
        public String documentation() {
            String doc = EcoreUtil.getDocumentation(attribute);
            return doc == null ? "" : doc.strip();
        }
    }

    private static final Pattern SEGMENT = Pattern.compile("(\\w+)(?:\\[(\\d+)])?");

    /**
     * Every attribute value of an object and the objects it contains, in model order, with paths from that object
     * (a run record's experiment gives {@code training.learningRate}, not {@code experiment.training.learningRate}),
     * each with its attribute (and so its documentation): what the CLI's help and the report's settings list. For
     * provenance, {@link #values} gives the same paths with every value as one text.
     */
    public static List<Value> fields(EObject root) {
        List<Value> values = new ArrayList<>();
        collect(root, values);
        String prefix = of(root);
        if (prefix.isEmpty()) {
            return values;
        }
        return values.stream().map(v -> new Value(v.path().substring(prefix.length() + 1), v.owner(), v.attribute(), v.text()))
                .toList();
    }

    private static void collect(EObject o, List<Value> values) {
        for (EAttribute a : o.eClass().getEAllAttributes()) {
            if (a.isDerived() || a.isTransient()) {
                continue;
            }
            Object v = o.eGet(a);
            String text = a.isMany()
                    ? ((List<?>) v).stream().map(x -> EcoreUtil.convertToString(a.getEAttributeType(), x)).collect(Collectors.joining(", "))
                    : v == null ? "" : EcoreUtil.convertToString(a.getEAttributeType(), v);
            values.add(new Value(of(o, a, -1), o, a, text));
        }
        for (EObject child : o.eContents()) {
            collect(child, values);
        }
    }

    /**
     * The feature a path names from a root ({@code dataset.sources[1].path}, also with an index on the last segment
     * as problems of list elements have), or null when the path does not lead to one.
     */
    public static EStructuralFeature feature(EObject root, String path) {
        EObject o = root;
        String[] segments = path.split("\\.");
        for (int i = 0; i < segments.length; i++) {
            Matcher m = SEGMENT.matcher(segments[i]);
            if (o == null || !m.matches()) {
                return null;
            }
            EStructuralFeature f = o.eClass().getEStructuralFeature(m.group(1));
            if (f == null || i == segments.length - 1) {
                return f;
            }
            if (!(f instanceof EReference)) {
                return null;
            }
            Object v = o.eGet(f);
            if (f.isMany()) {
                List<?> list = (List<?>) v;
                int index = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
                v = index >= 0 && index < list.size() ? list.get(index) : null;
            }
            o = v instanceof EObject e ? e : null;
        }
        return null;
    }

    /** The path of a feature of an object, with an element index when {@code index >= 0}. */
    public static String of(EObject object, EStructuralFeature feature, int index) {
        String owner = of(object);
        String leaf = feature.getName() + (index >= 0 ? "[" + index + "]" : "");
        return owner.isEmpty() ? leaf : owner + "." + leaf;
    }

    /**
     * Every attribute of {@code root} and of everything it contains, by path, in containment order: the value (set or
     * default) as text, a many-valued attribute as its list {@code [a, b]} and an enum as its literal; an unset text is
     * empty. A contained object's own path names its class, so {@code architecture.head = QuantumHead} says which
     * subclass the attributes under it belong to. Walks the metamodel, so a new attribute appears here without code.
     */
    public static Map<String, String> values(EObject root) {
        Map<String, String> values = new LinkedHashMap<>();
        collect(root, values);
        return values;
    }

    private static void collect(EObject object, Map<String, String> values) {
        if (object.eContainer() != null) {
            values.put(of(object), object.eClass().getName());
        }
        for (EAttribute a : object.eClass().getEAllAttributes()) {
            Object v = object.eGet(a);
            values.put(of(object, a, -1), a.isMany() ? text((List<?>) v) : text(v));
        }
        for (EReference r : object.eClass().getEAllContainments()) {
            Object v = object.eGet(r);
            List<?> children = r.isMany() ? (List<?>) v : v == null ? List.of() : List.of(v);
            for (Object child : children) {
                collect((EObject) child, values);
            }
        }
    }

    private static String text(List<?> list) {
        List<String> parts = new ArrayList<>(list.size());
        for (Object o : list) {
            parts.add(text(o));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof Enumerator e ? e.getLiteral() : String.valueOf(value);
    }
}
