package org.hqcm.engine.internal.data.volume;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.hqcm.engine.internal.data.RawImage;
import org.hqcm.engine.internal.data.VolumeOptions;

/**
 * {@code hqcm bench volume}: reading a BraTS-size case (4 modalities + seg, 240 x 240 x 155, int16 and uint8,
 * gzip-compressed as BraTS ships them) with its reference measured in the same run: merely inflating the same files
 * to nowhere (what no reader can beat). Peak memory is the heap pools' peak during the reads (reset before; garbage
 * not yet collected counts too).
 */
public final class VolumeBenchmark {

    /** One measured read. */
    public record Result(int[] dims, long bytesOnDisk, double writeSeconds, double inflateSeconds,
            double oneModalitySeconds, double allModalitiesSeconds, int slices, long peakHeapBytes) {
        public double ratioToInflate() {
            return allModalitiesSeconds / inflateSeconds;
        }
    }

    private VolumeBenchmark() {
    }

    /** Writes the case into {@code dir} and reads it {@code repeats} times; the fastest of each is reported. */
    public static Result run(Path dir, int[] n, VolumeOptions options, int repeats) throws IOException {
        long t0 = System.nanoTime();
        Path caseDir = SyntheticCases.writeBratsCase(dir, "BraTS-bench_00000", n);
        double write = (System.nanoTime() - t0) / 1e9;
        List<Path> files;
        try (var s = Files.list(caseDir)) {
            files = s.sorted().toList();
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        double inflate = Double.MAX_VALUE;
        double one = Double.MAX_VALUE;
        double all = Double.MAX_VALUE;
        int slices = 0;
        resetPeaks();
        for (int r = 0; r < repeats; r++) {
            t0 = System.nanoTime();
            byte[] buf = new byte[1 << 16];
            for (Path f : files) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(f), 1 << 16)) {
                    while (in.read(buf) > 0) {
                        // inflate only
                    }
                }
            }
            inflate = Math.min(inflate, (System.nanoTime() - t0) / 1e9);
            double sum = 0;
            for (VolumeOptions.Modality m : VolumeOptions.Modality.values()) {
                VolumeOptions o = new VolumeOptions(m, options.tumourClass(), options.tumourLabels(),
                        options.minTumourArea(), options.sliceStep(), options.maxSlicesPerCase(), options.healthySlices(),
                        options.minBrainArea(), options.scaling(), options.lowerPercentile(),
                        options.upperPercentile(), options.maxVolumeVoxels());
                VolumeCase c = VolumeLayouts.brats(dir, m, new java.util.ArrayList<>()).get(0);
                t0 = System.nanoTime();
                List<RawImage> got = new VolumeCaseReader(o, 1 << 24).read(c);
                double s = (System.nanoTime() - t0) / 1e9;
                sum += s;
                if (m == options.modality()) {
                    one = Math.min(one, s);
                    slices = got.size();
                }
            }
            all = Math.min(all, sum);
        }
        return new Result(n.clone(), bytes, write, inflate, one, all, slices, peakHeap());
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
