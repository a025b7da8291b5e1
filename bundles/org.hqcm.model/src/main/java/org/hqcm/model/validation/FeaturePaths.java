package org.hqcm.model.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

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
