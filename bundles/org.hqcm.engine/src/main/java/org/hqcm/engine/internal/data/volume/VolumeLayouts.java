package org.hqcm.engine.internal.data.volume;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.data.BadFile;
import org.hqcm.engine.internal.data.SafePaths;
import org.hqcm.engine.internal.data.VolumeOptions.Modality;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Finds the cases of the two volume layouts. Links out of the root are refused, as in every source.
 *
 * <ul>
 * <li>BraTS: any folder under the root holding {@code <case>_seg.nii[.gz]} is a case; its modality files end in
 * {@code _t1}, {@code _t1ce} or {@code _t1c}, {@code _t2}, {@code _flair} (BraTS 2012-2021), or {@code -t1n},
 * {@code -t1c}, {@code -t2w}, {@code -t2f}, {@code -seg} (BraTS 2023). A folder with volumes but no segmentation (the
 * challenges' validation data) or without the modality is a bad file.</li>
 * <li>MSD Task01: {@code imagesTr/<case>.nii.gz} with {@code labelsTr/<case>.nii.gz}; the modality's index on the 4th
 * axis comes from {@code dataset.json}'s {@code modality} map where it names it, else the Task01 order (0 FLAIR,
 * 1 T1w, 2 t1gd, 3 T2w). macOS's {@code ._*} companions (the Decathlon's archives hold them) are skipped.</li>
 * </ul>
 */
public final class VolumeLayouts {
    private static final Pattern BRATS = Pattern.compile("(.+?)[_-](t1|t1ce|t1c|t1n|t2|t2w|flair|t2f|seg)\\.nii(\\.gz)?",
            Pattern.CASE_INSENSITIVE);
    private static final long MAX_JSON_BYTES = 1 << 20;

    private VolumeLayouts() {
    }

    /** Whether {@code name} is a NIfTI file name. */
    public static boolean isNifti(String lowerName) {
        return (lowerName.endsWith(".nii") || lowerName.endsWith(".nii.gz")) && !lowerName.startsWith("._");
    }

    /** The cases of a BraTS folder, sorted by id; case folders that cannot be read go to {@code refused}. */
    public static List<VolumeCase> brats(Path root, Modality modality, List<BadFile> refused) throws IOException {
        Path real = SafePaths.realRoot(root, "BraTS folder");
        Map<Path, Map<String, Path>> folders = new TreeMap<>();
        for (Path f : SafePaths.walk(real, real, p -> isNifti(SafePaths.lowerName(p)), refused)) {
            Matcher m = BRATS.matcher(f.getFileName().toString());
            if (m.matches()) {
                folders.computeIfAbsent(f.getParent(), k -> new TreeMap<>()).put(canonical(m.group(2)), f);
            }
        }
        List<VolumeCase> cases = new ArrayList<>();
        String wanted = modality.name().toLowerCase(Locale.ROOT);
        for (Map.Entry<Path, Map<String, Path>> e : folders.entrySet()) {
            Map<String, Path> files = e.getValue();
            String id = e.getKey().equals(real) ? stem(files.values().iterator().next()) : e.getKey().getFileName()
                    .toString();
            if (!files.containsKey("seg")) {
                refused.add(new BadFile(e.getKey(), "case " + id + " has no *_seg.nii[.gz] segmentation (expected"
                        + " one per case; validation folders have none)"));
            } else if (!files.containsKey(wanted)) {
                refused.add(new BadFile(e.getKey(), "case " + id + " has no *_" + wanted + ".nii[.gz] volume (the"
                        + " source's modality " + modality + "); it has " + String.join(", ", files.keySet())));
            } else {
                cases.add(new VolumeCase(id, files.get(wanted), 0, files.get("seg")));
            }
        }
        return cases;
    }

    /** The canonical modality of a BraTS suffix (2023's names mapped onto the older ones). */
    private static String canonical(String suffix) {
        return switch (suffix.toLowerCase(Locale.ROOT)) {
            case "t1", "t1n" -> "t1";
            case "t1ce", "t1c" -> "t1ce";
            case "t2", "t2w" -> "t2";
            case "flair", "t2f" -> "flair";
            default -> "seg";
        };
    }

    private static String stem(Path f) {
        Matcher m = BRATS.matcher(f.getFileName().toString());
        return m.matches() ? m.group(1) : f.getFileName().toString();
    }

    /** The cases of an MSD Task01 folder ({@code imagesTr/} with {@code labelsTr/}), sorted by id. */
    public static List<VolumeCase> msd(Path root, Modality modality, List<BadFile> refused) throws IOException {
        Path real = SafePaths.realRoot(root, "MSD Task01 folder");
        Path images = real.resolve("imagesTr");
        Path labels = real.resolve("labelsTr");
        if (!Files.isDirectory(images, LinkOption.NOFOLLOW_LINKS) || !Files.isDirectory(labels,
                LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException("MSD Task01 folder " + root + " has no imagesTr/ and labelsTr/ folders"
                    + " (expected the Decathlon's layout: imagesTr/CASE.nii.gz with labelsTr/CASE.nii.gz)");
        }
        int index = modalityIndex(real.resolve("dataset.json"), modality);
        List<VolumeCase> cases = new ArrayList<>();
        for (Path f : SafePaths.walk(real, images, p -> isNifti(SafePaths.lowerName(p)), refused)) {
            String name = f.getFileName().toString();
            String id = name.replaceFirst("(?i)\\.nii(\\.gz)?$", "");
            Path label = labels.resolve(name);
            if (!Files.isRegularFile(label)) {
                refused.add(new BadFile(f, "case " + id + " has no label volume labelsTr/" + name));
                continue;
            }
            try {
                SafePaths.requireInside(real, label);
            } catch (IOException e) {
                refused.add(new BadFile(label, "link " + e.getMessage()));
                continue;
            }
            cases.add(new VolumeCase(id, f, index, label));
        }
        return cases;
    }

    /** The modality's index on the 4th axis: dataset.json's {@code modality} map, else the Task01 order. */
    static int modalityIndex(Path datasetJson, Modality modality) throws IOException {
        int fallback = switch (modality) {
            case FLAIR -> 0;
            case T1 -> 1;
            case T1CE -> 2;
            case T2 -> 3;
        };
        if (!Files.isRegularFile(datasetJson, LinkOption.NOFOLLOW_LINKS)) {
            return fallback;
        }
        if (Files.size(datasetJson) > MAX_JSON_BYTES) {
            throw new BadInputException(datasetJson + " is larger than " + MAX_JSON_BYTES + " bytes; expected the"
                    + " Decathlon's small dataset.json");
        }
        JsonObject modalities;
        try (Reader r = Files.newBufferedReader(datasetJson, StandardCharsets.UTF_8)) {
            JsonElement root = JsonParser.parseReader(r);
            if (!root.isJsonObject() || !root.getAsJsonObject().has("modality")
                    || !root.getAsJsonObject().get("modality").isJsonObject()) {
                return fallback;
            }
            modalities = root.getAsJsonObject().getAsJsonObject("modality");
        } catch (RuntimeException e) {
            throw new BadInputException(datasetJson + " is not valid JSON: " + e.getMessage(), e);
        }
        for (Map.Entry<String, JsonElement> m : modalities.entrySet()) {
            String name = m.getValue().isJsonPrimitive() ? m.getValue().getAsString().toLowerCase(Locale.ROOT) : "";
            Modality named = switch (name) {
                case "flair", "t2f" -> Modality.FLAIR;
                case "t1", "t1w", "t1n" -> Modality.T1;
                case "t1gd", "t1ce", "t1c" -> Modality.T1CE;
                case "t2", "t2w" -> Modality.T2;
                default -> null;
            };
            if (named == modality) {
                try {
                    return Integer.parseInt(m.getKey().trim());
                } catch (NumberFormatException e) {
                    throw new BadInputException(datasetJson + ": modality key '" + m.getKey() + "' is not an index");
                }
            }
        }
        throw new BadInputException(datasetJson + " names the modalities " + modalities + ", none of them "
                + modality + "; expected the source's modality among them");
    }
}
