package org.hqcm.model.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
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
}
