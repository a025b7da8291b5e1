package org.hqcm.engine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.data.dicom.DicomFolderReader;
import org.hqcm.engine.data.folder.ImageFolderReader;
import org.hqcm.engine.data.mat.FigshareMatReader;
import org.hqcm.engine.data.synth.BrainPhantom;

/**
 * Loads and merges sources into one {@link LoadedDataset} of {@code imageSize x imageSize} samples. Files are read
 * on {@link LoadOptions#threads()} threads; the result does not depend on their number. Unreadable files are
 * skipped and listed; loading fails with {@link BadInputException} when a source has more than
 * {@link LoadOptions#maxBadShare()} bad files, has no image at all, or a required class ends up empty.
 */
public final class DatasetLoader {
    private static final long SOURCE_SEED_STEP = 0x632BE59BD9B4E019L;

    private DatasetLoader() {
    }

    /** One unit of work: a file to read or a phantom image to make. */
    private interface Job {
        RawImage make() throws Exception;

        Path file();
    }

    public static LoadedDataset load(List<SourceSpec> sources, int imageSize, long seed, LoadOptions options) {
        if (sources.isEmpty()) {
            throw new BadInputException("no dataset source given: expected at least one (synthetic, figshare .mat,"
                    + " image folder or DICOM)");
        }
        if (imageSize < 8 || imageSize > 1024) {
            throw new BadInputException("image size " + imageSize + " is out of range: expected 8..1024 pixels");
        }
        List<List<Job>> jobsPerSource = new ArrayList<>();
        List<List<BadFile>> refusedPerSource = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < sources.size(); i++) {
            List<BadFile> refused = new ArrayList<>();
            List<Job> jobs = jobs(sources.get(i), imageSize, seed + i * SOURCE_SEED_STEP, refused);
            jobsPerSource.add(jobs);
            refusedPerSource.add(refused);
            total += jobs.size();
        }
        Object[] results = run(jobsPerSource, total, imageSize, options);

        List<Sample> samples = new ArrayList<>(total);
        List<BadFile> bad = new ArrayList<>();
        List<SourceSummary> summaries = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < sources.size(); i++) {
            SourceSpec spec = sources.get(i);
            List<BadFile> sourceBad = new ArrayList<>(refusedPerSource.get(i));
            int good = 0;
            int masked = 0;
            for (int j = 0; j < jobsPerSource.get(i).size(); j++, k++) {
                if (results[k] instanceof Sample s) {
                    samples.add(s);
                    good++;
                    if (s.maskPixelCount() > 0) {
                        masked++;
                    }
                } else {
                    sourceBad.add((BadFile) results[k]);
                }
            }
            checkSource(spec, good, sourceBad, options);
            bad.addAll(sourceBad);
            summaries.add(new SourceSummary(spec, good, sourceBad.size(), masked));
        }
        LoadedDataset ds = new LoadedDataset(imageSize, samples, bad, summaries);
        checkClasses(ds, sources, options);
        return ds;
    }

    /** The reader of a file source. */
    public static SourceReader reader(SourceSpec spec) {
        return switch (spec.kind()) {
            case FIGSHARE_MAT -> new FigshareMatReader(spec.path());
            case IMAGE_FOLDER -> new ImageFolderReader(spec.path());
            case DICOM -> new DicomFolderReader(spec.path());
            case SYNTHETIC -> throw new IllegalArgumentException("the synthetic source has no files");
        };
    }

    private static List<Job> jobs(SourceSpec spec, int imageSize, long seed, List<BadFile> refused) {
        List<Job> jobs = new ArrayList<>();
        if (spec.kind() == SourceFormat.SYNTHETIC) {
            BrainPhantom phantom = new BrainPhantom(imageSize, spec.difficulty());
            for (TumourClass c : TumourClass.values()) {
                for (int i = 0; i < spec.perClass(); i++) {
                    int index = i;
                    jobs.add(new Job() {
                        @Override
                        public RawImage make() {
                            return phantom.rawImage(c, seed, index);
                        }

                        @Override
                        public Path file() {
                            return null;
                        }
                    });
                }
            }
            return jobs;
        }
        SourceReader reader = reader(spec);
        List<Path> files;
        try {
            files = reader.files(refused);
        } catch (IOException e) {
            throw new BadInputException("cannot list " + spec.describe() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new BadInputException("cannot list " + spec.describe() + ": " + e.getCause().getMessage(), e);
        }
        for (Path f : files) {
            jobs.add(new Job() {
                @Override
                public RawImage make() throws Exception {
                    return reader.read(f);
                }

                @Override
                public Path file() {
                    return f;
                }
            });
        }
        return jobs;
    }

    /** Runs every job; each result is a {@link Sample} or a {@link BadFile}, in job order. */
    private static Object[] run(List<List<Job>> jobsPerSource, int total, int imageSize, LoadOptions options) {
        List<Job> all = new ArrayList<>(total);
        jobsPerSource.forEach(all::addAll);
        Object[] results = new Object[total];
        Parallel.forEach(total, options.threads(), "hqcm-data-load", i -> results[i] = one(all.get(i), imageSize),
                options.progress());
        return results;
    }

    private static Object one(Job job, int imageSize) {
        try {
            return Preprocessing.toSample(job.make(), imageSize);
        } catch (Exception e) {
            if (job.file() == null) {
                throw new IllegalStateException("phantom generation failed: " + e, e); // a bug, not bad input
            }
            return new BadFile(job.file(), e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static void checkSource(SourceSpec spec, int good, List<BadFile> bad, LoadOptions options) {
        int all = good + bad.size();
        if (all == 0) {
            throw new BadInputException("no images found in " + spec.describe() + ": expected "
                    + expectation(spec.kind()));
        }
        double share = (double) bad.size() / all;
        if (share > options.maxBadShare() || good == 0) {
            StringBuilder sb = new StringBuilder();
            sb.append(bad.size()).append(" of ").append(all).append(" files in ").append(spec.describe())
                    .append(" could not be read (").append(String.format("%.1f%%", 100 * share))
                    .append(", more than the allowed ").append(String.format("%.1f%%", 100 * options.maxBadShare()))
                    .append("); first:");
            for (int i = 0; i < Math.min(3, bad.size()); i++) {
                sb.append(System.lineSeparator()).append("  ").append(bad.get(i));
            }
            throw new BadInputException(sb.toString());
        }
    }

    private static String expectation(SourceFormat kind) {
        return switch (kind) {
            case FIGSHARE_MAT -> "figshare brain-tumour .mat files (MATLAB v7.3) anywhere under the folder";
            case IMAGE_FOLDER -> "PNG/JPEG files in class folders (healthy/notumor, meningioma, glioma, pituitary)";
            case DICOM -> "DICOM files (.dcm or no extension) in class folders";
            case SYNTHETIC -> "at least one image per class";
        };
    }

    private static void checkClasses(LoadedDataset ds, List<SourceSpec> sources, LoadOptions options) {
        int[] counts = ds.classCounts();
        List<String> missing = new ArrayList<>();
        for (TumourClass c : options.requiredClasses()) {
            if (counts[c.label()] == 0) {
                missing.add(c.folderName());
            }
        }
        if (!missing.isEmpty()) {
            missing.sort(null);
            StringBuilder srcs = new StringBuilder();
            for (SourceSpec s : sources) {
                srcs.append(srcs.length() == 0 ? "" : ", ").append(s.describe());
            }
            throw new BadInputException("class " + String.join(", ", missing) + " has no images in " + srcs
                    + ": every class of the experiment needs at least one (the figshare set has no healthy images:"
                    + " combine it with an image-folder or synthetic source)");
        }
    }
}
