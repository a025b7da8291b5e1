package org.hqcm.engine.internal.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.hqcm.engine.BadInputException;

/**
 * The guard against one image in two splits: finds copies among the images read from files ({@link DuplicateFinder};
 * generated phantom images are never copies of a scan and are not searched), applies the dataset's
 * {@link DuplicateHandling}, and says which sources have no patient ids (their slices of one patient may be split).
 *
 * <p>With no copies found the dataset and its split are exactly what they were without the guard.
 */
public final class LeakageGuard {
    private static final int NAMED = 3;

    private LeakageGuard() {
    }

    /**
     * What the guard found and did.
     *
     * @param dataset the dataset to split: the loaded one, or without the dropped copies
     * @param groups the groups of copies found, as indexes into the loaded dataset's samples
     * @param linked groups of indexes into {@code dataset}'s samples that must share a split (empty after DROP)
     * @param dropped copies dropped
     * @param warnings sources without patient ids, copies across sources or of different classes
     */
    public record Result(LoadedDataset dataset, List<DuplicateGroup> groups, List<int[]> linked, int dropped,
            List<String> warnings) {

        /** Copies beyond the first image of each group. */
        public int copies() {
            return groups.stream().mapToInt(DuplicateGroup::copies).sum();
        }

        /** One line: how many copies were found and what was done. */
        public String summary(DuplicateHandling handling) {
            if (groups.isEmpty()) {
                return "duplicates: none found";
            }
            long exact = groups.stream().filter(DuplicateGroup::exact).count();
            return String.format(Locale.ROOT, "duplicates: %d groups (%d exact, %d near), %d copies; %s",
                    groups.size(), exact, groups.size() - exact, copies(), switch (handling) {
                        case GROUP -> "kept, each group in one split";
                        case DROP -> dropped + " copies dropped, the first of each group kept";
                        case FAIL -> "refused";
                    });
        }
    }

    /**
     * Guards {@code ds}.
     *
     * @param maxDistance near-duplicate Hamming distance, negative for exact duplicates only
     * @param patientsTogether whether the split keeps each patient's images in one part (dataset.groupByPatient)
     * @throws BadInputException for {@link DuplicateHandling#FAIL} when copies are found, naming the first groups
     */
    public static Result apply(LoadedDataset ds, DuplicateHandling handling, int maxDistance, boolean patientsTogether) {
        List<Sample> all = ds.samples();
        // the searched samples: those read from files, with their source
        List<Integer> searched = new ArrayList<>();
        int[] sourceOfSample = sourceOfSamples(ds);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).source() != null) {
                searched.add(i);
            }
        }
        List<Sample> sub = new ArrayList<>(searched.size());
        int[] sourceOf = new int[searched.size()];
        for (int k = 0; k < searched.size(); k++) {
            sub.add(all.get(searched.get(k)));
            sourceOf[k] = sourceOfSample[searched.get(k)];
        }
        List<DuplicateGroup> groups = new ArrayList<>();
        for (DuplicateGroup g : DuplicateFinder.find(sub, sourceOf, maxDistance, patientsTogether)) {
            int[] m = Arrays.stream(g.members()).map(searched::get).toArray();
            groups.add(new DuplicateGroup(m, g.exact(), g.acrossSources(), g.mixedLabels()));
        }
        List<String> warnings = warnings(ds, groups);
        if (groups.isEmpty()) {
            return new Result(ds, groups, List.of(), 0, warnings);
        }
        return switch (handling) {
            case GROUP -> new Result(ds, groups, groups.stream().map(DuplicateGroup::members).toList(), 0, warnings);
            case DROP -> dropped(ds, groups, warnings);
            case FAIL -> throw new BadInputException(failure(ds, groups));
        };
    }

    private static Result dropped(LoadedDataset ds, List<DuplicateGroup> groups, List<String> warnings) {
        boolean[] drop = new boolean[ds.size()];
        int n = 0;
        for (DuplicateGroup g : groups) {
            for (int k = 1; k < g.members().length; k++) {
                drop[g.members()[k]] = true;
                n++;
            }
        }
        List<Sample> kept = new ArrayList<>(ds.size() - n);
        for (int i = 0; i < ds.size(); i++) {
            if (!drop[i]) {
                kept.add(ds.samples().get(i));
            }
        }
        return new Result(new LoadedDataset(ds.imageSize(), kept, ds.badFiles(), ds.sources()), groups, List.of(), n,
                warnings);
    }

    private static String failure(LoadedDataset ds, List<DuplicateGroup> groups) {
        int copies = groups.stream().mapToInt(DuplicateGroup::copies).sum();
        StringBuilder sb = new StringBuilder();
        sb.append("dataset.duplicatePolicy is FAIL and ").append(groups.size()).append(" groups of copies (")
                .append(copies).append(" copies) were found; first:");
        for (int i = 0; i < Math.min(NAMED, groups.size()); i++) {
            sb.append(System.lineSeparator()).append("  ").append(describe(ds, groups.get(i)));
        }
        sb.append(System.lineSeparator()).append("expected no copies; choose GROUP (one split per group) or DROP (keep"
                + " the first), or remove the copies");
        return sb.toString();
    }

    /** One group as "a = b = c (exact)". */
    public static String describe(LoadedDataset ds, DuplicateGroup g) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < g.members().length; k++) {
            if (k == NAMED + 1) {
                sb.append(" = ... (").append(g.members().length).append(" images)");
                break;
            }
            sb.append(k == 0 ? "" : " = ").append(ds.samples().get(g.members()[k]).source());
        }
        sb.append(g.exact() ? " (exact" : " (near").append(g.acrossSources() ? ", across sources" : "")
                .append(g.mixedLabels() ? ", different classes" : "").append(')');
        return sb.toString();
    }

    private static int[] sourceOfSamples(LoadedDataset ds) {
        int[] out = new int[ds.size()];
        int i = 0;
        for (int s = 0; s < ds.sources().size(); s++) {
            for (int k = 0; k < ds.sources().get(s).images() && i < out.length; k++) {
                out[i++] = s;
            }
        }
        return out;
    }

    private static List<String> warnings(LoadedDataset ds, List<DuplicateGroup> groups) {
        List<String> out = new ArrayList<>();
        for (SourceSummary s : ds.sources()) {
            if (s.spec().kind() != SourceFormat.SYNTHETIC && s.images() > 0 && s.withPatient() < s.images()) {
                out.add(String.format(Locale.ROOT, "%s: %d of %d images have no patient id, so one patient's slices"
                        + " may land in different splits", s.spec().describe(), s.images() - s.withPatient(),
                        s.images()));
            }
        }
        long across = groups.stream().filter(DuplicateGroup::acrossSources).count();
        if (across > 0) {
            out.add(across + " groups of copies span more than one source (merged sources share images)");
        }
        long mixed = groups.stream().filter(DuplicateGroup::mixedLabels).count();
        if (mixed > 0) {
            out.add(mixed + " groups of copies have images of different classes (a label conflict between copies)");
        }
        return out;
    }
}
