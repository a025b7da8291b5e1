package org.hqcm.engine.internal.data;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The four classes of the paper, with their fixed labels 0..3 and the folder-name aliases of public datasets. */
public enum TumourClass {
    HEALTHY(0, "healthy"),
    MENINGIOMA(1, "meningioma"),
    GLIOMA(2, "glioma"),
    PITUITARY(3, "pituitary");

    /** Number of classes. */
    public static final int COUNT = 4;

    private static final Map<String, TumourClass> ALIASES = Map.ofEntries(
            Map.entry("healthy", HEALTHY), Map.entry("notumor", HEALTHY), Map.entry("no_tumor", HEALTHY),
            Map.entry("no-tumor", HEALTHY), Map.entry("no tumor", HEALTHY), Map.entry("notumour", HEALTHY),
            Map.entry("no_tumour", HEALTHY), Map.entry("normal", HEALTHY), Map.entry("no", HEALTHY),
            Map.entry("meningioma", MENINGIOMA), Map.entry("meningioma_tumor", MENINGIOMA),
            Map.entry("meningioma-tumor", MENINGIOMA), Map.entry("meningioma_tumour", MENINGIOMA),
            Map.entry("glioma", GLIOMA), Map.entry("glioma_tumor", GLIOMA), Map.entry("glioma-tumor", GLIOMA),
            Map.entry("glioma_tumour", GLIOMA),
            Map.entry("pituitary", PITUITARY), Map.entry("pituitary_tumor", PITUITARY),
            Map.entry("pituitary-tumor", PITUITARY), Map.entry("pituitary_tumour", PITUITARY));

    private final int label;
    private final String folderName;

    TumourClass(int label, String folderName) {
        this.label = label;
        this.folderName = folderName;
    }

    /** The label used by the network: 0 healthy, 1 meningioma, 2 glioma, 3 pituitary. */
    public int label() {
        return label;
    }

    /** The canonical folder name written by {@code data synth}. */
    public String folderName() {
        return folderName;
    }

    public static TumourClass ofLabel(int label) {
        if (label < 0 || label >= COUNT) {
            throw new IllegalArgumentException("label " + label + " is not in 0.." + (COUNT - 1));
        }
        return values()[label];
    }

    /** The class a folder name stands for (case-insensitive, public datasets' aliases), if any. */
    public static Optional<TumourClass> fromAlias(String name) {
        return Optional.ofNullable(ALIASES.get(name.trim().toLowerCase(Locale.ROOT)));
    }
}
