package org.hqcm.engine.internal.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.Cancellation;
import org.hqcm.engine.RunCancelledException;
import org.hqcm.engine.internal.data.dicom.DicomFolderReader;
import org.hqcm.engine.internal.data.folder.ImageFolderReader;
import org.hqcm.engine.internal.data.mat.FigshareMatReader;
import org.hqcm.engine.internal.data.synth.BrainPhantom;
import org.hqcm.engine.internal.data.volume.VolumeCase;
import org.hqcm.engine.internal.data.volume.VolumeSourceReader;

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

    /** One unit of work: a file to read (one image per frame), a phantom image to make, or a volume case to cut into slices. */
    private interface Job {
        List<RawImage> make() throws Exception;

        Path file();
    }

    public static LoadedDataset load(List<SourceSpec> sources, int imageSize, long seed, LoadOptions options) {
        LoadedDataset ds = describe(sources, imageSize, seed, options);
        List<String> problems = problems(ds, options);
        if (!problems.isEmpty()) {
            throw new BadInputException(problems.get(0));
        }
        return ds;
    }

    /**
     * Loads as {@link #load} does but stops at nothing a description should show: sources with more bad files than
     * {@link LoadOptions#maxBadShare()} (even all of them) and missing classes are kept for {@link #problems} to
     * name. A source with no file at all is still a {@link BadInputException}.
     */
    public static LoadedDataset describe(List<SourceSpec> sources, int imageSize, long seed, LoadOptions options) {
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
        long images = 0; // a volume case gives many
        for (int i = 0; i < sources.size(); i++) {
            List<BadFile> refused = new ArrayList<>();
            List<Job> jobs = jobs(sources.get(i), imageSize, seed + i * SOURCE_SEED_STEP, refused,
                    options.maxImagePixels());
            jobsPerSource.add(jobs);
            refusedPerSource.add(refused);
            total += jobs.size();
            images += sources.get(i).kind().isVolume() ? jobs.size() * sources.get(i).volume().slicesPerCaseBound()
                    : jobs.size();
        }
        checkHeap(images, imageSize, sources);
        Object[] results = run(jobsPerSource, total, imageSize, options);

        List<Sample> samples = new ArrayList<>(total);
        List<BadFile> bad = new ArrayList<>();
        List<SourceSummary> summaries = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < sources.size(); i++) {
            SourceSpec spec = sources.get(i);
            List<BadFile> sourceBad = new ArrayList<>(refusedPerSource.get(i));
            int good = 0;
            int goodFiles = 0; // files or cases: the unit of the bad-file share
            int masked = 0;
            int withPatient = 0;
            for (int j = 0; j < jobsPerSource.get(i).size(); j++, k++) {
                if (results[k] instanceof Sample[] read) {
                    goodFiles++;
                    for (Sample s : read) {
                        samples.add(s);
                        good++;
                        if (s.maskPixelCount() > 0) {
                            masked++;
                        }
                        if (s.patientId() != null) {
                            withPatient++;
                        }
                    }
                } else {
                    sourceBad.add((BadFile) results[k]);
                }
            }
            if (goodFiles + sourceBad.size() == 0) {
                throw new BadInputException("no images found in " + spec.describe() + ": expected "
                        + expectation(spec.kind()));
            }
            if (spec.kind().isVolume() && goodFiles > 0 && good == 0) {
                throw new BadInputException("the " + goodFiles + " cases of " + spec.describe() + " gave no slice:"
                        + " none has a slice with minTumourArea = " + spec.volume().minTumourArea() + " tumour pixels"
                        + (spec.volume().healthySlices() ? " or a label-free slice with minBrainArea = "
                        + spec.volume().minBrainArea() + " brain pixels" : "") + "; expected smaller limits or other"
                        + " tumourLabels (" + (spec.volume().tumourLabels().isEmpty() ? "every non-zero label"
                        : spec.volume().tumourLabels()) + ")");
            }
            bad.addAll(sourceBad);
            summaries.add(new SourceSummary(spec, good, sourceBad.size(), masked, goodFiles, withPatient));
        }
        return new LoadedDataset(imageSize, samples, bad, summaries);
    }

    /**
     * Why {@link #load} would refuse a dataset {@link #describe} gave: one message per source with more bad files
     * than {@link LoadOptions#maxBadShare()} allows, or none read, then one for required classes without images;
     * empty when it would load.
     */
    public static List<String> problems(LoadedDataset ds, LoadOptions options) {
        List<String> out = new ArrayList<>();
        int first = 0; // the bad files are listed source by source
        for (SourceSummary s : ds.sources()) {
            List<BadFile> bad = ds.badFiles().subList(first, first + s.badFiles());
            first += s.badFiles();
            if (s.badShare() <= options.maxBadShare() && s.goodFiles() > 0) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            sb.append(s.badFiles()).append(" of ").append(s.files()).append(" files in ").append(s.spec().describe())
                    .append(" could not be read (").append(String.format(Locale.ROOT, "%.1f%%", 100 * s.badShare()))
                    .append(s.goodFiles() == 0 ? ": none could" : String.format(Locale.ROOT,
                            ", more than the allowed %.1f%%", 100 * options.maxBadShare()))
                    .append("); first:");
            for (int i = 0; i < Math.min(3, bad.size()); i++) {
                sb.append(System.lineSeparator()).append("  ").append(bad.get(i));
            }
            out.add(sb.toString());
        }
        String classes = missingClasses(ds, options);
        if (classes != null) {
            out.add(classes);
        }
        return out;
    }

    /**
     * Refuses, before anything is decoded, a dataset whose samples cannot fit the heap: 16-bit pixels and a byte mask
     * per image (Sample), against 80% of -Xmx. A run's memory estimate has said so earlier; this is for data info.
     */
    private static void checkHeap(long images, int imageSize, List<SourceSpec> sources) {
        long bytes = images * (3L * imageSize * imageSize + 160);
        long room = (long) (Runtime.getRuntime().maxMemory() * 0.8);
        if (bytes > room) {
            throw new BadInputException(String.format(java.util.Locale.ROOT, "the %d images of %s at %d x %d would take"
                    + " about %.1f GB of Java heap, more than the %.1f GB this JVM leaves for them; use fewer images, a"
                    + " smaller size, or a larger heap (HQCM_JAVA_OPTS=-Xmx...)", images,
                    sources.stream().map(SourceSpec::describe).collect(java.util.stream.Collectors.joining(" + ")),
                    imageSize, imageSize, bytes / 1e9, room / 1e9));
        }
    }

    /** The reader of a file source with the default pixel limit. */
    public static SourceReader reader(SourceSpec spec) {
        return reader(spec, LoadOptions.DEFAULT_MAX_IMAGE_PIXELS);
    }

    /** The reader of a file source that refuses files declaring more than {@code maxPixels} pixels per image. */
    public static SourceReader reader(SourceSpec spec, long maxPixels) {
        return switch (spec.kind()) {
            case FIGSHARE_MAT -> new FigshareMatReader(spec.path(), maxPixels);
            case IMAGE_FOLDER -> new ImageFolderReader(spec.path(), maxPixels);
            case DICOM -> new DicomFolderReader(spec.path(), maxPixels);
            case SYNTHETIC -> throw new IllegalArgumentException("the synthetic source has no files");
            case BRATS, MSD_TASK01 -> throw new IllegalArgumentException(spec.kind() + " is read by cases"
                    + " (VolumeSourceReader), not file by file");
        };
    }

    private static List<Job> jobs(SourceSpec spec, int imageSize, long seed, List<BadFile> refused, long maxPixels) {
        List<Job> jobs = new ArrayList<>();
        if (spec.kind() == SourceFormat.SYNTHETIC) {
            BrainPhantom phantom = new BrainPhantom(imageSize, spec.difficulty());
            for (TumourClass c : TumourClass.values()) {
                for (int i = 0; i < spec.perClass(); i++) {
                    int index = i;
                    jobs.add(new Job() {
                        @Override
                        public List<RawImage> make() {
                            return List.of(phantom.rawImage(c, seed, index));
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
        if (spec.kind().isVolume()) {
            VolumeSourceReader volumes = new VolumeSourceReader(spec, maxPixels);
            for (VolumeCase c : cases(volumes, spec, refused)) {
                jobs.add(new Job() {
                    @Override
                    public List<RawImage> make() throws Exception {
                        return volumes.read(c);
                    }

                    @Override
                    public Path file() {
                        return c.image();
                    }
                });
            }
            return jobs;
        }
        SourceReader reader = reader(spec, maxPixels);
        for (Path f : files(reader, spec, refused)) {
            jobs.add(new Job() {
                @Override
                public List<RawImage> make() throws Exception {
                    return reader.readAll(f);
                }

                @Override
                public Path file() {
                    return f;
                }
            });
        }
        return jobs;
    }

    /**
     * The files a file source would read, without reading them (what {@link #load} does first); files refused
     * before reading (links out of the root, linked class folders) go to {@code refused}. A source that cannot be
     * listed is a {@link BadInputException} naming it.
     */
    public static List<Path> files(SourceSpec spec, List<BadFile> refused) {
        if (spec.kind().isVolume()) {
            return cases(new VolumeSourceReader(spec, LoadOptions.DEFAULT_MAX_IMAGE_PIXELS), spec, refused).stream()
                    .map(VolumeCase::image).toList();
        }
        return files(reader(spec), spec, refused);
    }

    private static List<VolumeCase> cases(VolumeSourceReader reader, SourceSpec spec, List<BadFile> refused) {
        try {
            return reader.cases(refused);
        } catch (IOException e) {
            throw new BadInputException("cannot list " + spec.describe() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new BadInputException("cannot list " + spec.describe() + ": " + e.getCause().getMessage(), e);
        }
    }

    private static List<Path> files(SourceReader reader, SourceSpec spec, List<BadFile> refused) {
        try {
            return reader.files(refused);
        } catch (IOException e) {
            throw new BadInputException("cannot list " + spec.describe() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new BadInputException("cannot list " + spec.describe() + ": " + e.getCause().getMessage(), e);
        }
    }

    /** What a source of {@code kind} is expected to hold, for messages. */
    public static String expectation(SourceFormat kind) {
        return switch (kind) {
            case FIGSHARE_MAT -> "figshare brain-tumour .mat files (MATLAB v7.3) anywhere under the folder";
            case IMAGE_FOLDER -> "PNG/JPEG files in class folders (healthy/notumor, meningioma, glioma, pituitary)";
            case DICOM -> "DICOM files (.dcm or no extension) in class folders";
            case BRATS -> "case folders of NIfTI volumes (*_t1, *_t1ce, *_t2, *_flair with *_seg, .nii or .nii.gz)";
            case MSD_TASK01 -> "imagesTr/CASE.nii.gz (4-D) with labelsTr/CASE.nii.gz";
            case SYNTHETIC -> "at least one image per class";
        };
    }

    /** Runs every job; each result is a {@code Sample[]} (a file's images, or a volume case's slices) or a {@link BadFile}, in job order. */
    private static Object[] run(List<List<Job>> jobsPerSource, int total, int imageSize, LoadOptions options) {
        List<Job> all = new ArrayList<>(total);
        jobsPerSource.forEach(all::addAll);
        Object[] results = new Object[total];
        BooleanSupplier cancelled = Cancellation.current();
        Parallel.forEach(total, options.threads(), "hqcm-data-load", i -> {
            Cancellation.check(cancelled);
            results[i] = one(all.get(i), imageSize);
        }, options.progress());
        return results;
    }

    private static Object one(Job job, int imageSize) {
        try {
            List<RawImage> raw = job.make();
            Sample[] out = new Sample[raw.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = Preprocessing.toSample(raw.get(i), imageSize);
            }
            return out;
        } catch (RunCancelledException e) {
            throw e;
        } catch (Exception e) {
            if (job.file() == null) {
                throw new IllegalStateException("phantom generation failed: " + e, e); // a bug, not bad input
            }
            return new BadFile(job.file(), e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (StackOverflowError | OutOfMemoryError e) {
            // the readers check declared sizes and nesting first; should a decoder still overrun, the file is bad,
            // and the dataset goes on without it (its memory was the decoder's alone and is free again)
            if (job.file() == null) {
                throw e;
            }
            return new BadFile(job.file(), (e instanceof StackOverflowError ? "nested too deeply to decode"
                    : "decoding it needed more memory than the JVM has") + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String missingClasses(LoadedDataset ds, LoadOptions options) {
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
            for (SourceSummary s : ds.sources()) {
                srcs.append(srcs.length() == 0 ? "" : ", ").append(s.spec().describe());
            }
            return ("class " + String.join(", ", missing) + " has no images in " + srcs
                    + ": every class of the experiment needs at least one (the figshare set has no healthy images:"
                    + " combine it with an image-folder or synthetic source)");
        }
        return null;
    }
}
