package org.hqcm.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hqcm.engine.internal.data.LoadedDataset;
import org.hqcm.engine.internal.data.Sample;
import org.hqcm.engine.internal.data.SourceSummary;
import org.hqcm.engine.internal.data.TumourClass;
import org.hqcm.engine.plot.SlicePreview;

/** What {@code data info} adds for volume sources: cases and slices per class, and a preview of slices with masks. */
final class VolumeInfo {
    private static final int PREVIEW_SLICES = 8;

    private VolumeInfo() {
    }

    /** The samples of source {@code index} (sources' samples are contiguous, in source order). */
    private static List<Sample> samplesOf(LoadedDataset ds, int index) {
        int from = 0;
        for (int i = 0; i < index; i++) {
            from += ds.sources().get(i).images();
        }
        return ds.samples().subList(from, from + ds.sources().get(index).images());
    }

    static void print(PrintWriter out, LoadedDataset ds) {
        for (int i = 0; i < ds.sources().size(); i++) {
            SourceSummary s = ds.sources().get(i);
            if (!s.spec().kind().isVolume()) {
                continue;
            }
            List<Sample> samples = samplesOf(ds, i);
            Set<String> cases = new HashSet<>();
            int[] perClass = new int[TumourClass.COUNT];
            for (Sample x : samples) {
                cases.add(x.patientId());
                perClass[x.label()]++;
            }
            StringBuilder classes = new StringBuilder();
            for (TumourClass c : TumourClass.values()) {
                if (perClass[c.label()] > 0) {
                    classes.append(classes.length() == 0 ? "" : ", ").append(c.folderName()).append(' ')
                            .append(perClass[c.label()]);
                }
            }
            out.printf(Locale.ROOT, "  %s: %d cases (a case is one patient: its slices share a split), %s"
                    + " slices; %d with a tumour mask; %s, %s%n", s.spec().kind(), cases.size(), classes, s.withMask(),
                    s.spec().volume().modality(), s.spec().volume().maxSlicesPerCase() == 0 ? "no cap per case"
                    : "at most " + s.spec().volume().maxSlicesPerCase() + " slices of each kind per case");
        }
    }

    /** Writes a preview of up to 8 slices of the volume sources, tumour slices first; false when there are none. */
    static boolean writePreview(LoadedDataset ds, Path target) throws IOException {
        List<Sample> tumour = new ArrayList<>();
        List<Sample> healthy = new ArrayList<>();
        for (int i = 0; i < ds.sources().size(); i++) {
            if (ds.sources().get(i).spec().kind().isVolume()) {
                for (Sample x : samplesOf(ds, i)) {
                    (x.maskPixelCount() > 0 ? tumour : healthy).add(x);
                }
            }
        }
        if (tumour.isEmpty() && healthy.isEmpty()) {
            return false;
        }
        int nHealthy = healthy.isEmpty() ? 0 : Math.min(healthy.size(), tumour.isEmpty() ? PREVIEW_SLICES : 2);
        List<Sample> chosen = new ArrayList<>(spread(tumour, PREVIEW_SLICES - nHealthy));
        chosen.addAll(spread(healthy, nHealthy));
        SlicePreview p = SlicePreview.of("Slices as the dataset holds them (" + ds.imageSize() + " px), tumour mask in"
                + " red; radiological view: patient's right on the left, anterior at the top");
        for (Sample x : chosen) {
            int n = x.size();
            float[][] image = new float[n][n];
            byte[][] mask = new byte[n][n];
            byte[] m = x.mask();
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    image[r][c] = x.pixel(r, c);
                    mask[r][c] = m[r * n + c];
                }
            }
            String slice = x.source() == null ? "" : x.source().getFileName().toString().replaceAll(".*#slice=", "z");
            p = p.cell(image, x.maskPixelCount() > 0 ? mask : null, x.patientId() + " " + slice + " "
                    + x.tumourClass().folderName());
        }
        p.writePng(target, 160);
        return true;
    }

    private static List<Sample> spread(List<Sample> all, int count) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < Math.min(count, all.size()); i++) {
            out.add(all.get((int) ((i + 0.5) * all.size() / Math.min(count, all.size()))));
        }
        return out;
    }
}
