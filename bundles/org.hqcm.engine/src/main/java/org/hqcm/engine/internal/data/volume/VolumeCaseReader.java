package org.hqcm.engine.internal.data.volume;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hqcm.engine.internal.data.GivenSplit;
import org.hqcm.engine.internal.data.RawImage;
import org.hqcm.engine.internal.data.TumourClass;
import org.hqcm.engine.internal.data.VolumeOptions;
import org.hqcm.engine.internal.data.nifti.AxialOrientation;
import org.hqcm.engine.internal.data.nifti.NiftiFile;

/**
 * Cuts one case into axial slice images with their tumour masks, in two passes over its files: the first counts,
 * per axial slice, tumour pixels, labelled pixels and brain pixels (and, for PERCENTILE_CLIP, a histogram of the
 * brain voxels), the second keeps the chosen slices. Where the slice axis is the files' third axis (BraTS, MSD and
 * every axially acquired scan) each pass streams one stored slice of image and labels at a time; otherwise the
 * modality's volume (floats) and the labels (one byte per voxel) are held once. The result holds the chosen slices
 * only, at most the volume's.
 *
 * <p>A slice is a tumour slice when at least {@code minTumourArea} of its pixels carry a tumour label; a slice with
 * no label at all is healthy when {@code healthySlices} is on and {@code minBrainArea} of its pixels are non-zero;
 * other slices (a smaller tumour, only non-tumour labels) are left out. Candidates are every {@code sliceStep}-th
 * slice; at most {@code maxSlicesPerCase} of each kind are kept, evenly spread from foot to head.
 */
public final class VolumeCaseReader {
    private static final byte NONE = 0;
    private static final byte OTHER_LABEL = 1;
    private static final byte TUMOUR = 2;
    private static final int HISTOGRAM_BINS = 1 << 16;

    private final VolumeOptions options;
    private final long maxSlicePixels;

    public VolumeCaseReader(VolumeOptions options, long maxSlicePixels) {
        this.options = options;
        this.maxSlicePixels = maxSlicePixels;
    }

    /** Sees one axial slice: values and label codes of the data array, indexed by voxel - base. */
    private interface SliceVisitor {
        void visit(int s, float[] image, byte[] labels, long base);
    }

    /** Per-slice counts of the first pass. */
    private static final class Counts {
        final int[] tumour;
        final int[] labelled;
        final int[] brain;
        final long[] histogram;

        Counts(int slices, boolean histogram) {
            tumour = new int[slices];
            labelled = new int[slices];
            brain = new int[slices];
            this.histogram = histogram ? new long[HISTOGRAM_BINS] : null;
        }
    }

    /** The chosen slices of a case; IOException messages name the file. */
    public List<RawImage> read(VolumeCase c) throws IOException {
        AxialOrientation o;
        InMemory memory;
        Counts counts;
        try (NiftiFile img = open(c.image()); NiftiFile seg = open(c.labels())) {
            o = check(c, img, seg);
            int w = o.width();
            int h = o.height();
            counts = new Counts(o.slices(), options.scaling() == VolumeOptions.Scaling.PERCENTILE_CLIP);
            memory = o.streamable() ? null : InMemory.read(c, img, seg, this);
            long[] cols = o.columnOffsets();
            long[] rows = o.rowOffsets();
            long[] starts = o.sliceOffsets();
            SliceVisitor count = (s, image, labels, base) -> {
                for (int r = 0; r < h; r++) {
                    long row = starts[s] + rows[r] - base;
                    for (int col = 0; col < w; col++) {
                        int i = (int) (row + cols[col]);
                        byte code = labels[i];
                        if (code != NONE) {
                            counts.labelled[s]++;
                            if (code == TUMOUR) {
                                counts.tumour[s]++;
                            }
                        }
                        float v = image == null ? 0 : image[i];
                        if (v != 0) {
                            counts.brain[s]++;
                            if (counts.histogram != null) {
                                counts.histogram[bin(v)]++;
                            }
                        }
                    }
                }
            };
            if (memory != null) {
                memory.scan(o, count);
            } else {
                // brain areas and the histogram need the image; tumour slices alone only the labels (a third faster)
                boolean image = options.healthySlices() || counts.histogram != null;
                stream(c, image ? img : null, seg, o, count, o.slices() - 1);
            }
        }
        float[] clip = clipRange(counts);
        boolean[] keep = choose(counts, o.slices());
        RawImage[] bySlice = new RawImage[o.slices()];
        int w = o.width();
        int h = o.height();
        long[] cols = o.columnOffsets();
        long[] rows = o.rowOffsets();
        long[] starts = o.sliceOffsets();
        SliceVisitor take = (s, image, labels, base) -> {
            if (!keep[s]) {
                return;
            }
            boolean isTumour = counts.tumour[s] >= options.minTumourArea();
            float[] px = new float[w * h];
            byte[] mask = isTumour ? new byte[w * h] : null;
            for (int r = 0; r < h; r++) {
                long row = starts[s] + rows[r] - base;
                for (int col = 0; col < w; col++) {
                    int i = (int) (row + cols[col]);
                    float v = image[i];
                    px[r * w + col] = clip == null ? v : Math.max(clip[0], Math.min(clip[1], v));
                    if (mask != null && labels[i] == TUMOUR) {
                        mask[r * w + col] = 1;
                    }
                }
            }
            bySlice[s] = (new RawImage(w, h, px, mask, isTumour ? options.tumourClass() : TumourClass.HEALTHY, c.id(),
                    sliceName(c.image(), s), GivenSplit.NONE));
        };
        if (memory != null) {
            memory.scan(o, take);
        } else {
            // second pass: the files again from the start, one stored slice at a time
            int last = -1; // the last stored slice kept: nothing after it is inflated
            for (int k = 0; k < o.slices(); k++) {
                if (keep[o.axialOfStored(k)]) {
                    last = k;
                }
            }
            if (last >= 0) {
                try (NiftiFile img = open(c.image()); NiftiFile seg = open(c.labels())) {
                    stream(c, img, seg, check(c, img, seg), take, last);
                    try {
                        img.checkComplete(); // a file cut after the last slice kept is truncated all the same
                    } catch (IOException e) {
                        throw named(c.image(), e);
                    }
                }
            }
        }
        List<RawImage> out = new ArrayList<>(); // foot to head, whatever the stored order
        for (RawImage r : bySlice) {
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** Which slices to keep: tumour slices, then healthy ones, each capped. */
    private boolean[] choose(Counts counts, int slices) {
        List<Integer> tumour = new ArrayList<>();
        List<Integer> healthy = new ArrayList<>();
        for (int s = 0; s < slices; s += options.sliceStep()) {
            if (counts.tumour[s] >= options.minTumourArea()) {
                tumour.add(s);
            } else if (options.healthySlices() && counts.labelled[s] == 0
                    && counts.brain[s] >= options.minBrainArea()) {
                healthy.add(s);
            }
        }
        boolean[] keep = new boolean[slices];
        for (int s : cap(tumour)) {
            keep[s] = true;
        }
        for (int s : cap(healthy)) {
            keep[s] = true;
        }
        return keep;
    }

    /** Where a slice came from, for predictions.csv and the drill-down: {@code FILE#slice=S} (0 = lowest). */
    public static Path sliceName(Path image, int s) {
        return image.resolveSibling(image.getFileName() + "#slice=" + s);
    }

    private NiftiFile open(Path f) throws IOException {
        try {
            return NiftiFile.open(f, maxSlicePixels, options.maxVolumeVoxels());
        } catch (IOException e) {
            throw named(f, e);
        }
    }

    private static IOException named(Path f, IOException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.startsWith(f.getFileName().toString()) ? e : new IOException(f.getFileName() + ": " + m, e);
    }

    private static AxialOrientation check(VolumeCase c, NiftiFile img, NiftiFile seg) throws IOException {
        if (c.volumeIndex() >= img.volumes()) {
            throw new IOException(c.image().getFileName() + ": has " + img.volumes() + " volumes along dim[4] ("
                    + img.header().dims() + "), the modality is volume " + c.volumeIndex());
        }
        if (seg.volumes() != 1) {
            throw new IOException(c.labels().getFileName() + ": declares dims " + seg.header().dims()
                    + ", expected one 3-D label volume");
        }
        if (!img.orientation().sameAs(seg.orientation())) {
            throw new IOException(c.labels().getFileName() + ": dims " + seg.header().dims() + " ("
                    + seg.orientation().code() + ") differ from " + c.image().getFileName() + "'s "
                    + img.header().dims() + " (" + img.orientation().code() + "); expected the labels on the image's"
                    + " voxel grid");
        }
        return img.orientation();
    }

    /** Reads image (unless null) and labels stored slice by stored slice, up to stored slice {@code last}. */
    private void stream(VolumeCase c, NiftiFile img, NiftiFile seg, AxialOrientation o, SliceVisitor v, int last)
            throws IOException {
        int nx = (int) seg.header().dim(1);
        int ny = (int) seg.header().dim(2);
        float[] image = img == null ? null : new float[nx * ny];
        float[] labelValues = new float[nx * ny];
        byte[] labels = new byte[nx * ny];
        if (img != null) {
            try {
                img.skipVolumes(c.volumeIndex());
            } catch (IOException e) {
                throw named(c.image(), e);
            }
        }
        for (int k = 0; k <= last; k++) {
            try {
                if (img != null) {
                    img.readStoredSlice(image);
                }
            } catch (IOException e) {
                throw named(c.image(), e);
            }
            try {
                seg.readStoredSlice(labelValues);
            } catch (IOException e) {
                throw named(c.labels(), e);
            }
            code(labelValues, labels, 0);
            v.visit(o.axialOfStored(k), image, labels, (long) k * nx * ny);
        }
    }

    private void code(float[] values, byte[] codes, int offset) {
        for (int i = 0; i < values.length; i++) {
            int label = Math.round(values[i]);
            codes[offset + i] = label == 0 ? NONE : options.isTumour(label) ? TUMOUR : OTHER_LABEL;
        }
    }

    /** The volume of a case whose axial slices are not its stored slices: floats and label codes, once. */
    private record InMemory(float[] image, byte[] labels) {
        static InMemory read(VolumeCase c, NiftiFile img, NiftiFile seg, VolumeCaseReader r) throws IOException {
            float[] image;
            try {
                img.skipVolumes(c.volumeIndex());
                image = img.readVolume();
            } catch (IOException e) {
                throw named(c.image(), e);
            }
            int slice = (int) (seg.header().dim(1) * seg.header().dim(2));
            byte[] labels = new byte[image.length];
            float[] buf = new float[slice];
            try {
                for (int off = 0; off < labels.length; off += slice) {
                    seg.readStoredSlice(buf);
                    r.code(buf, labels, off);
                }
            } catch (IOException e) {
                throw named(c.labels(), e);
            }
            return new InMemory(image, labels);
        }

        void scan(AxialOrientation o, SliceVisitor v) {
            for (int s = 0; s < o.slices(); s++) {
                v.visit(s, image, labels, 0);
            }
        }
    }

    /** At most maxSlicesPerCase of {@code slices}, evenly spread. */
    private List<Integer> cap(List<Integer> slices) {
        int max = options.maxSlicesPerCase();
        if (max == 0 || slices.size() <= max) {
            return slices;
        }
        List<Integer> out = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            out.add(slices.get((int) ((i + 0.5) * slices.size() / max)));
        }
        return out;
    }

    /**
     * The PERCENTILE_CLIP range from the histogram, or null. Bins are the top 16 bits of the float's order-preserving
     * bit pattern (sign, exponent and 7 bits of mantissa), so a percentile is found within 1/128 of its value in one
     * pass, without sorting or keeping the voxels.
     */
    private float[] clipRange(Counts counts) {
        if (counts.histogram == null) {
            return null;
        }
        long total = 0;
        for (long n : counts.histogram) {
            total += n;
        }
        if (total == 0) {
            return null;
        }
        return new float[] {percentile(counts.histogram, total, options.lowerPercentile()),
            percentile(counts.histogram, total, options.upperPercentile())};
    }

    private static float percentile(long[] histogram, long total, double p) {
        long rank = (long) Math.ceil(p / 100 * total);
        long seen = 0;
        for (int b = 0; b < histogram.length; b++) {
            seen += histogram[b];
            if (seen >= Math.max(1, rank)) {
                return unbin(b);
            }
        }
        return unbin(histogram.length - 1);
    }

    /** Order-preserving 16-bit bin of a float. */
    static int bin(float v) {
        int bits = Float.floatToIntBits(v);
        int sortable = bits >= 0 ? bits ^ Integer.MIN_VALUE : ~bits;
        return sortable >>> 16;
    }

    /** The middle of a bin as a float. */
    static float unbin(int b) {
        int sortable = (b << 16) | 0x8000;
        int bits = sortable < 0 ? sortable ^ Integer.MIN_VALUE : ~sortable;
        return Float.intBitsToFloat(bits);
    }
}
