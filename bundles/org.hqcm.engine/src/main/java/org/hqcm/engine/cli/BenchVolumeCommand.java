package org.hqcm.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.data.DataBenchmark;
import org.hqcm.engine.internal.data.VolumeOptions;
import org.hqcm.engine.internal.data.volume.VolumeBenchmark;
import org.hqcm.engine.internal.train.TrainStepBenchmark;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hqcm bench volume}: reading a BraTS-size case, against inflating its files in the same run. */
@Command(name = "volume", mixinStandardHelpOptions = true, description = "Time and peak memory of reading a"
        + " BraTS-size case (4 modalities + seg, 240x240x155, .nii.gz) into slices, against inflating its files.")
public final class BenchVolumeCommand implements Callable<Integer> {

    @Option(names = "--dims", defaultValue = "240,240,155", split = ",", paramLabel = "X,Y,Z",
            description = "Volume size (default: ${DEFAULT-VALUE}, BraTS).")
    int[] dims;

    @Option(names = "--repeats", defaultValue = "3", description = "Reads; the fastest is reported (default:"
            + " ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--set", paramLabel = "FIELD=VALUE", description = "A volume source field (as data info --set).")
    List<String> fields = new java.util.ArrayList<>();

    @Option(names = "--dir", description = "Folder for the case (default: a temporary folder, deleted after).")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (dims.length != 3 || dims[0] < 8 || dims[1] < 8 || dims[2] < 8 || (long) dims[0] * dims[1] * dims[2] > 1L << 27
                || repeats < 1) {
            throw new BadInputException("expected --dims X,Y,Z each >= 8 with at most 2^27 voxels and --repeats >= 1");
        }
        VolumeOptions o = VolumeFields.options(fields);
        boolean temp = dir == null;
        Path d = temp ? Files.createTempDirectory("hqcm-volume-bench") : dir;
        PrintWriter out = spec.commandLine().getOut();
        try {
            VolumeBenchmark.Result r = VolumeBenchmark.run(d, dims, o, repeats);
            out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            out.printf(Locale.ROOT, "case: 4 modalities (int16) + seg (uint8), %dx%dx%d, .nii.gz: %.1f MB on disk,"
                    + " written in %.1f s%n", dims[0], dims[1], dims[2], r.bytesOnDisk() / 1048576.0, r.writeSeconds());
            out.printf(Locale.ROOT, "inflating the 5 files to nowhere (reference): %.2f s%n", r.inflateSeconds());
            out.printf(Locale.ROOT, "reading %s + seg into %d slices (two streamed passes): %.2f s%n", o.modality(),
                    r.slices(), r.oneModalitySeconds());
            out.printf(Locale.ROOT, "reading all 4 modalities, each with the seg: %.2f s; ratio to inflating %.2f%n",
                    r.allModalitiesSeconds(), r.ratioToInflate());
            out.printf(Locale.ROOT, "peak heap during the reads %.1f MB (one float volume would be %.1f MB); peak RSS of"
                    + " the process %.0f MB%n", r.peakHeapBytes() / 1048576.0,
                    (double) dims[0] * dims[1] * dims[2] * 4 / 1048576.0, TrainStepBenchmark.peakResidentBytes() / 1048576.0);
        } finally {
            if (temp) {
                DataBenchmark.deleteTree(d);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
