package org.hqcm.ui.internal;

import java.util.Locale;
import java.util.Map;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * The one place where the IDE turns model names into words people read: feature names ("learningRate" becomes
 * "Learning rate", "tsnePerplexity" "t-SNE perplexity"), enumeration literals ("STRONGLY_ENTANGLING" becomes
 * "Strongly entangling", "ADAMW" "AdamW") and tooltips, which are the model's own documentation (the GenModel
 * documentation annotation of hqcm.ecore, written once there) with the default value.
 */
public final class Labels {

    /** Words that are not written as plain lower-case words. */
    private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("tsne", "t-SNE"), Map.entry("f1", "F1"),
            Map.entry("adamw", "AdamW"), Map.entry("adam", "Adam"), Map.entry("sgd", "SGD"), Map.entry("cpu", "CPU"),
            Map.entry("cuda", "CUDA"), Map.entry("dicom", "DICOM"), Map.entry("relu", "ReLU"), Map.entry("tanh", "tanh"),
            Map.entry("mat", ".mat"), Map.entry("figshare", "figshare"), Map.entry("pauli", "Pauli"),
            Map.entry("statevector", "state vector"), Map.entry("strange", "Strange"), Map.entry("x", "X"),
            Map.entry("y", "Y"), Map.entry("z", "Z"), Map.entry("id", "ID"), Map.entry("jaccard", "Jaccard"),
            Map.entry("lr", "LR"));

    private Labels() {
    }

    /** "learningRate" as "Learning rate". */
    public static String feature(String name) {
        StringBuilder words = new StringBuilder();
        StringBuilder word = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c) && word.length() > 0) {
                append(words, word.toString());
                word.setLength(0);
            }
            word.append(c);
        }
        append(words, word.toString());
        return capitalised(words.toString());
    }

    /** The label of a feature. */
    public static String feature(EStructuralFeature f) {
        return feature(f.getName());
    }

    /** "STRONGLY_ENTANGLING" as "Strongly entangling". */
    public static String literal(String literal) {
        StringBuilder words = new StringBuilder();
        for (String w : literal.split("_")) {
            append(words, w);
        }
        return capitalised(words.toString());
    }

    /** The label of an enumeration value. */
    public static String literal(Enumerator e) {
        return literal(e.getLiteral());
    }

    private static void append(StringBuilder words, String w) {
        if (w.isEmpty()) {
            return;
        }
        String lower = w.toLowerCase(Locale.ROOT);
        if (words.length() > 0) {
            words.append(' ');
        }
        words.append(WORDS.getOrDefault(lower, lower));
    }

    private static String capitalised(String s) {
        if (s.isEmpty() || s.startsWith("t-SNE") || s.startsWith("figshare") || s.startsWith("tanh") || s.startsWith(".")) {
            return s;
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The model's documentation of a feature, or "" when it has none. */
    public static String documentation(EStructuralFeature f) {
        String doc = EcoreUtil.getDocumentation(f);
        return doc == null ? "" : doc.strip();
    }

    /** A feature's tooltip: its documentation, then its default value when the model has one. */
    public static String tooltip(EStructuralFeature f) {
        String doc = documentation(f);
        String def = f instanceof EAttribute a && a.getDefaultValueLiteral() != null ? a.getDefaultValueLiteral() : null;
        if (def == null) {
            return doc;
        }
        String shown = f.getEType() instanceof org.eclipse.emf.ecore.EEnum ? literal(def) : def;
        return doc.isEmpty() ? "Default: " + shown : doc + "\nDefault: " + shown;
    }
}
