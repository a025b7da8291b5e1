package org.hqcm.engine.internal.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The samples of all sources, in a stable order (sources in the order given, files sorted by path, phantom images
 * by class then index), with the files that were skipped.
 */
public record LoadedDataset(int imageSize, List<Sample> samples, List<BadFile> badFiles, List<SourceSummary> sources) {

    public LoadedDataset {
        samples = List.copyOf(samples);
        badFiles = List.copyOf(badFiles);
        sources = List.copyOf(sources);
    }

    public int size() {
        return samples.size();
    }

    /** Images per class, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[TumourClass.COUNT];
        for (Sample s : samples) {
            counts[s.label()]++;
        }
        return counts;
    }

    /** Original image sizes ("512x512") and how many images had each. */
    public Map<String, Integer> originalSizes() {
        Map<String, Integer> out = new TreeMap<>();
        for (Sample s : samples) {
            out.merge(s.originalWidth() + "x" + s.originalHeight(), 1, Integer::sum);
        }
        return out;
    }

    /** Images with a non-empty tumour mask. */
    public int withMask() {
        int n = 0;
        for (Sample s : samples) {
            if (s.maskPixelCount() > 0) {
                n++;
            }
        }
        return n;
    }

    /** Distinct patient ids (images without one not counted). */
    public int patients() {
        Set<String> ids = new HashSet<>();
        for (Sample s : samples) {
            if (s.patientId() != null) {
                ids.add(s.patientId());
            }
        }
        return ids.size();
    }

    /** Images per split given by the source's folders (Training/, Testing/), for those that had one. */
    public Map<GivenSplit, Integer> givenSplits() {
        Map<GivenSplit, Integer> out = new TreeMap<>();
        for (Sample s : samples) {
            out.merge(s.givenSplit(), 1, Integer::sum);
        }
        return out;
    }

    /**
     * SHA-256 (hex) over the image size and, per sample in order, its label, stored pixels and mask: the same data
     * loaded again gives the same fingerprint, whatever the number of threads.
     */
    public String fingerprint() {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        md.update(("hqcm-dataset-v1 size=" + imageSize + " n=" + samples.size()).getBytes(StandardCharsets.US_ASCII));
        for (Sample s : samples) {
            md.update((byte) s.label());
            s.writeBytes(md);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
