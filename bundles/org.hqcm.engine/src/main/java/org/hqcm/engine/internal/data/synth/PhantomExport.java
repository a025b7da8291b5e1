package org.hqcm.engine.internal.data.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hqcm.engine.internal.data.LoadProgress;
import org.hqcm.engine.internal.data.Parallel;
import org.hqcm.engine.internal.data.Preprocessing;
import org.hqcm.engine.internal.data.TumourClass;
import org.hqcm.engine.internal.data.folder.GreyImages;
import org.hqcm.engine.internal.data.mat.MatFileWriter;

/**
 * Writes the phantom to disk in a real dataset layout, every file atomically: an image folder
 * ({@code DIR/<class>/<class>_00001.png} with {@code <name>_mask.png}), or figshare-style {@code .mat} files of the
 * three tumour classes ({@code DIR/<n>.mat}, patients of about a dozen images each, as in the figshare set).
 */
public final class PhantomExport {
    /** Images per synthetic patient in the .mat export (figshare: 3,064 images of 233 patients). */
    static final int IMAGES_PER_PATIENT = 13;

    private PhantomExport() {
    }

    /** Writes {@code perClass} images of each class as PNG image + mask; returns the number of images. */
    public static int writeImageFolder(Path out, int perClass, int size, long seed, double difficulty, int threads,
            LoadProgress progress) throws IOException {
        BrainPhantom phantom = new BrainPhantom(size, difficulty);
        List<Runnable> jobs = new ArrayList<>();
        for (TumourClass c : TumourClass.values()) {
            Path dir = out.resolve(c.folderName());
            for (int i = 0; i < perClass; i++) {
                int index = i;
                jobs.add(() -> {
                    PhantomSlice s = phantom.generate(c, BrainPhantom.imageSeed(seed, c, index));
                    float[] img = s.image().clone();
                    Preprocessing.minMaxScaleInPlace(img);
                    String name = String.format(Locale.ROOT, "%s_%05d", c.folderName(), index + 1);
                    byte[] mask = c == TumourClass.HEALTHY ? new byte[size * size] : s.mask();
                    try {
                        GreyImages.writePng(dir.resolve(name + ".png"), img, size, size);
                        GreyImages.writeMaskPng(dir.resolve(name + "_mask.png"), mask, size, size);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        runAll(jobs, threads, progress);
        return jobs.size();
    }

    /**
     * Writes figshare-style MATLAB v7.3 files {@code 1.mat ... n.mat} with {@code counts[k]} images of
     * meningioma, glioma and pituitary (k = 0, 1, 2), as int16 images with tumour masks and patient ids.
     */
    public static int writeFigshare(Path out, int[] counts, int size, long seed, double difficulty, int threads,
            LoadProgress progress) throws IOException {
        if (counts.length != 3) {
            throw new IllegalArgumentException("expected 3 counts (meningioma, glioma, pituitary)");
        }
        BrainPhantom phantom = new BrainPhantom(size, difficulty);
        TumourClass[] classes = {TumourClass.MENINGIOMA, TumourClass.GLIOMA, TumourClass.PITUITARY};
        List<Runnable> jobs = new ArrayList<>();
        int fileNo = 0;
        for (int k = 0; k < 3; k++) {
            TumourClass c = classes[k];
            for (int i = 0; i < counts[k]; i++) {
                int index = i;
                int number = ++fileNo;
                String pid = String.format(Locale.ROOT, "%d%06d", c.label(), index / IMAGES_PER_PATIENT);
                jobs.add(() -> {
                    PhantomSlice s = phantom.generate(c, BrainPhantom.imageSeed(seed, c, index));
                    short[] img = new short[size * size];
                    float[] f = s.image();
                    for (int p = 0; p < img.length; p++) {
                        img[p] = (short) Math.min(Short.MAX_VALUE, Math.round(f[p] * 1000));
                    }
                    try {
                        MatFileWriter.writeFigshare(out.resolve(number + ".mat"), img, size, size, s.mask(),
                                c.label(), pid);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        runAll(jobs, threads, progress);
        return jobs.size();
    }

    private static void runAll(List<Runnable> jobs, int threads, LoadProgress progress) throws IOException {
        try {
            Parallel.forEach(jobs.size(), threads, "hqcm-data-export", i -> jobs.get(i).run(), progress);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
