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

    /**
     * Features whose words alone would not say what they are: the loss weights carry the paper's Greek names and
     * what they weigh; units go in brackets.
     */
    private static final Map<String, String> FEATURES = Map.ofEntries(Map.entry("alpha", "alpha (classification weight)"),
            Map.entry("beta", "beta (attention weight)"), Map.entry("zeta", "zeta (BCE weight)"),
            Map.entry("gamma", "gamma (Dice weight)"), Map.entry("rotationDegrees", "Rotation (degrees)"),
            Map.entry("batchNormRecalibration", "BatchNorm recalibration (images)"),
            Map.entry("maxEpochs", "Maximum epochs"), Map.entry("Attention.enabled", "Attention enabled"));

    /** Enumeration values that read better as a phrase than as their words. */
    private static final Map<String, String> LITERALS = Map.ofEntries(Map.entry("SYNTHETIC", "Synthetic phantoms"),
            Map.entry("FIGSHARE_MAT", "figshare .mat files"), Map.entry("IMAGE_FOLDER", "Image folder"),
            Map.entry("DICOM", "DICOM folder"), Map.entry("STATEVECTOR", "State vector (exact)"),
            Map.entry("STRANGE", "Strange (slow cross-check)"), Map.entry("BRATS", "BraTS NIfTI cases"),
            Map.entry("MSD_TASK01", "MSD Task01 NIfTI folder"), Map.entry("T1CE", "T1 with contrast"),
            Map.entry("FLAIR", "FLAIR"), Map.entry("MIN_MAX", "Min-max (as the paper)"),
            Map.entry("PERCENTILE_CLIP", "Percentile clipping"), Map.entry("DENSITY_MATRIX", "Density matrix (noise)"));

    private Labels() {
    }

    /** "learningRate" as "Learning rate". */
    public static String feature(String name) {
        String fixed = FEATURES.get(name);
        if (fixed != null) {
            return fixed;
        }
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

    /** The label of a feature ("Class.feature" overrides come first). */
    public static String feature(EStructuralFeature f) {
        String fixed = f.getEContainingClass() == null ? null
                : FEATURES.get(f.getEContainingClass().getName() + "." + f.getName());
        return fixed != null ? fixed : feature(f.getName());
    }

    /** "STRONGLY_ENTANGLING" as "Strongly entangling". */
    public static String literal(String literal) {
        String fixed = LITERALS.get(literal);
        if (fixed != null) {
            return fixed;
        }
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

    /** A feature's label inside a sentence: "learning rate", "t-SNE perplexity", "CPU threads". */
    public static String inSentence(EStructuralFeature f) {
        String label = feature(f);
        boolean acronym = label.length() > 1 && Character.isUpperCase(label.charAt(1));
        return acronym || label.startsWith("BatchNorm") ? label
                : Character.toLowerCase(label.charAt(0)) + label.substring(1);
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
