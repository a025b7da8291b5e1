package org.hqcm.model.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.emf.common.CommonPlugin;
import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.hqcm.model.Architecture;
import org.hqcm.model.Attention;
import org.hqcm.model.Augmentation;
import org.hqcm.model.ClassWeighting;
import org.hqcm.model.ClassicalHead;
import org.hqcm.model.DataSource;
import org.hqcm.model.Dataset;
import org.hqcm.model.Entangler;
import org.hqcm.model.Evaluation;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmPackage.Literals;
import org.hqcm.model.Loss;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.Simulator;
import org.hqcm.model.SourceKind;
import org.hqcm.model.Sweep;
import org.hqcm.model.SweepAxis;
import org.hqcm.model.SweepStrategy;
import org.hqcm.model.Training;
import org.hqcm.model.resource.ModelFileException;
import org.hqcm.model.sweep.Configuration;
import org.hqcm.model.sweep.FeaturePath;
import org.hqcm.model.sweep.SweepExpansion;
import org.hqcm.model.util.HqcmValidator;

/**
 * The project's validation rules, in place of the generated validator's empty constraints (generated code
 * stays untouched). Each diagnostic carries {object, feature, {@link Problem}} as data, so markers point at
 * the feature and {@link ExperimentValidator} reads the problem back. Relative source paths resolve against
 * {@link #BASE_DIR} from the context, else against the folder of the object's resource.
 */
public class HqcmConstraints extends HqcmValidator {

    /** The instance registered for the package by {@code HqcmResources.registerGlobally()}. */
    @SuppressWarnings("hiding")
    public static final HqcmConstraints INSTANCE = new HqcmConstraints();

    /** Context key: the {@link Path} relative source paths resolve against (the .hqcm file's folder). */
    public static final String BASE_DIR = "org.hqcm.model.validation.baseDir";

    /** Largest qubit count: a 12-qubit state vector has 4,096 amplitudes. */
    public static final int MAX_QUBITS = 12;
    /** Largest qubit count of the DENSITY_MATRIX simulator: a 64 x 64 density matrix per image, kept after every Rot. */
    public static final int MAX_DENSITY_MATRIX_QUBITS = 6;
    /**
     * Largest memory the DENSITY_MATRIX simulator may keep for one training batch: per image and circuit it holds rho,
     * Lambda and rho after each of the q x layers Rot gates, real and imaginary parts: 2 (2 + q layers) 4^q doubles
     * (the engine's DensityMatrixEvaluator); 63 MB for the paper's circuit at batch 64.
     */
    public static final long MAX_DENSITY_MATRIX_BYTES = 1L << 30;
    /** Largest projection width 2^qubits x circuits the dense layer before the circuits may have. */
    public static final int MAX_AMPLITUDES = 4096;
    /** How far train + validation + test fractions may be from 1. */
    public static final double FRACTION_SUM_TOLERANCE = 1e-6;

    // Upper limits. Each keeps one value from asking for more memory or time than a machine has; the run's memory
    // as a whole is estimated by the engine before it trains. The reason is part of the message.
    /** Longest experiment name: run folders are NAME-yyyyMMdd-HHmmss[-N], and a file name has at most 255 bytes. */
    public static final int MAX_NAME_LENGTH = 200;
    /** Most repeats of one experiment. */
    public static final int MAX_REPEATS = 1000;
    /** Most classes: the run record keeps a K x K confusion matrix, the classifier has K outputs. */
    public static final int MAX_CLASSES = 256;
    /** Largest input side: the data loaders resize to at most this. */
    public static final int MAX_IMAGE_SIZE = 1024;
    /** Largest {@code Dataset.maxImagePixels}: a decoded image of 2^28 pixels takes 1 GiB as floats. */
    public static final int MAX_IMAGE_PIXELS_LIMIT = 1 << 28;
    /** Largest {@code DataSource.maxVolumeVoxels}: a volume of 2^28 voxels takes 1 GiB as floats. */
    public static final int MAX_VOLUME_VOXELS_LIMIT = 1 << 28;
    /** Largest segmentation label: BraTS and MSD use 1..4; label volumes are int8..int16. */
    public static final int MAX_LABEL = 32767;
    /** Most synthetic images per class: 4 x 100,000 images of 128 x 128 take about 20 GB. */
    public static final int MAX_IMAGES_PER_CLASS = 100_000;
    /** Widest convolution block: common CNNs stop at 512-2048 filters, and activations grow with the width. */
    public static final int MAX_WIDTH = 4096;
    /** Largest attention kernel: the paper's are 1-7, and a k x k kernel holds k^2 x C^2 weights. */
    public static final int MAX_KERNEL = 31;
    /** Deepest circuit: each layer is a pass over 2^qubits amplitudes per image and circuit. */
    public static final int MAX_LAYERS = 1000;
    /** Most shots: beyond 10^8 the estimate is within 10^-4 of the exact value, which shots = 0 gives. */
    public static final int MAX_SHOTS = 100_000_000;
    /** Largest batch: activations grow linearly with it. */
    public static final int MAX_BATCH_SIZE = 4096;
    /** Most attention examples: one gallery row each. */
    public static final int MAX_ATTENTION_EXAMPLES = 64;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /**
     * Every rule's message: {@code path: value is not allowed; expected ...}. The engine's records word the invariants
     * that protect their own arithmetic with it, so a value that reaches them unvalidated reads as validation says it.
     */
    public static String notAllowed(String path, Object value, String expected) {
        return path + ": " + notAllowedDetail(value, expected);
    }

    private static String notAllowedDetail(Object value, String expected) {
        return format(value) + " is not allowed; expected " + expected;
    }

    /** The rule of a classical head's normalizedSlices: 0 (none) or a divisor of the projection width. */
    public static boolean normalizedSlicesAllowed(int slices, int projectionWidth) {
        return slices == 0 || slices > 0 && (projectionWidth <= 0 || projectionWidth % slices == 0);
    }

    /** What a classical head's normalizedSlices allows for {@code projectionWidth}. */
    public static String normalizedSlicesExpected(int projectionWidth) {
        return "0 (none) or a divisor of the projection width " + projectionWidth;
    }

    /** What a dataset's nearDuplicateDistance allows (also `hqcm data info --near-duplicate-distance`). */
    public static final String NEAR_DUPLICATE_DISTANCE_EXPECTED = "-1 (exact duplicates only) or a Hamming distance 0..64"
            + " between 64-bit perceptual hashes";

    /** The rule of a dataset's nearDuplicateDistance: -1 (exact duplicates only) or 0..64 bits. */
    public static boolean nearDuplicateDistanceAllowed(int distance) {
        return distance >= -1 && distance <= 64;
    }

    @Override
    public boolean validateExperiment_valuesAllowed(Experiment e, DiagnosticChain diagnostics, Map<Object, Object> context) {
        Check c = new Check(e, diagnostics);
        String name = e.getName();
        if (name == null || name.isBlank()) {
            c.missing(Literals.EXPERIMENT__NAME, "a name of letters, digits, '.', '_' or '-'");
        } else if (name.length() > MAX_NAME_LENGTH) {
            c.problem(Diagnostic.ERROR, Literals.EXPERIMENT__NAME, -1, format(name.substring(0, 20) + "...") + " ("
                    + name.length() + " characters) is not allowed; expected at most " + MAX_NAME_LENGTH
                    + " characters (it names run folders NAME-yyyyMMdd-HHmmss, and a file name has at most 255 bytes)");
        } else if (!NAME.matcher(name).matches()) {
            c.error(Literals.EXPERIMENT__NAME, name,
                    "letters, digits, '.', '_' or '-', starting with a letter or digit (it names run folders)");
        }
        if (e.getRepeats() < 1) {
            c.error(Literals.EXPERIMENT__REPEATS, e.getRepeats(), ">= 1");
        }
        c.atMost(Literals.EXPERIMENT__REPEATS, -1, e.getRepeats(), MAX_REPEATS, "runs of consecutive seeds");
        c.required(Literals.EXPERIMENT__DATASET, e.getDataset());
        c.required(Literals.EXPERIMENT__ARCHITECTURE, e.getArchitecture());
        c.required(Literals.EXPERIMENT__TRAINING, e.getTraining());
        c.required(Literals.EXPERIMENT__LOSS, e.getLoss());
        c.required(Literals.EXPERIMENT__EVALUATION, e.getEvaluation());
        return c.ok;
    }

    @Override
    public boolean validateDataset_valuesAllowed(Dataset d, DiagnosticChain diagnostics, Map<Object, Object> context) {
        Check c = new Check(d, diagnostics);
        if (d.getSources().isEmpty()) {
            c.problem(Diagnostic.ERROR, Literals.DATASET__SOURCES, -1, "none given; expected at least one source");
        }
        List<String> names = d.getClassNames();
        if (names.size() < 2) {
            c.problem(Diagnostic.ERROR, Literals.DATASET__CLASS_NAMES, -1,
                    format(names) + " is not allowed; expected at least 2 class names");
        } else if (names.size() > MAX_CLASSES) {
            c.problem(Diagnostic.ERROR, Literals.DATASET__CLASS_NAMES, -1, names.size()
                    + " class names are not allowed; expected at most " + MAX_CLASSES
                    + " (the run record keeps a classes x classes confusion matrix)");
            names = List.of(); // one problem, not one per name
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n == null || n.isBlank()) {
                c.error(Literals.DATASET__CLASS_NAMES, i, n == null ? "" : n, "a non-empty class name");
            } else {
                Integer first = seen.putIfAbsent(n, i);
                if (first != null) {
                    c.error(Literals.DATASET__CLASS_NAMES, i, n, "a name not used before (same as classNames[" + first + "])");
                }
            }
        }
        int size = d.getImageSize();
        if (size < 16 || size % 8 != 0) {
            c.error(Literals.DATASET__IMAGE_SIZE, size, "a multiple of 8 and >= 16 (three 2x2 poolings)");
        } else {
            c.atMost(Literals.DATASET__IMAGE_SIZE, -1, size, MAX_IMAGE_SIZE, "the data loaders resize to at most "
                    + MAX_IMAGE_SIZE + " x " + MAX_IMAGE_SIZE);
        }
        int maxPixels = d.getMaxImagePixels();
        if (maxPixels < 1) {
            c.error(Literals.DATASET__MAX_IMAGE_PIXELS, maxPixels, ">= 1");
        } else if (c.atMost(Literals.DATASET__MAX_IMAGE_PIXELS, -1, maxPixels, MAX_IMAGE_PIXELS_LIMIT,
                "a decoded image of " + MAX_IMAGE_PIXELS_LIMIT + " pixels takes 1 GiB as floats")
                && size >= 16 && maxPixels < (long) size * size) {
            c.error(Literals.DATASET__MAX_IMAGE_PIXELS, maxPixels, ">= imageSize x imageSize = " + (long) size * size);
        }
        int distance = d.getNearDuplicateDistance();
        if (!nearDuplicateDistanceAllowed(distance)) {
            c.error(Literals.DATASET__NEAR_DUPLICATE_DISTANCE, distance, NEAR_DUPLICATE_DISTANCE_EXPECTED);
        }
        boolean fractionsOk = fraction(c, Literals.DATASET__TRAIN_FRACTION, d.getTrainFraction());
        fractionsOk &= fraction(c, Literals.DATASET__VALIDATION_FRACTION, d.getValidationFraction());
        fractionsOk &= fraction(c, Literals.DATASET__TEST_FRACTION, d.getTestFraction());
        double sum = d.getTrainFraction() + d.getValidationFraction() + d.getTestFraction();
        if (fractionsOk && Math.abs(sum - 1) > FRACTION_SUM_TOLERANCE) {
            c.problem(Diagnostic.ERROR, Literals.DATASET__TEST_FRACTION, -1, "trainFraction + validationFraction + testFraction = "
                    + format(roundForDisplay(sum)) + " is not allowed; expected 1 (within " + format(FRACTION_SUM_TOLERANCE) + ")");
        }
        c.required(Literals.DATASET__AUGMENTATION, d.getAugmentation());
        return c.ok;
    }

    /** 0.7 + 0.15 + 0.1 shows as 0.95, not 0.9499999999999999. */
    private static double roundForDisplay(double x) {
        return Double.isFinite(x) ? new BigDecimal(x).round(new MathContext(12)).doubleValue() : x;
    }

    private static boolean fraction(Check c, EStructuralFeature f, double value) {
        if (!(value > 0 && value < 1)) {
            c.error(f, value, "a fraction in (0, 1)");
            return false;
        }
        return true;
    }

    @Override
    public boolean validateDataSource_valuesAllowed(DataSource s, DiagnosticChain diagnostics, Map<Object, Object> context) {
        Check c = new Check(s, diagnostics);
        if (s.getKind() == SourceKind.SYNTHETIC) {
            if (s.getImagesPerClass() < 1) {
                c.error(Literals.DATA_SOURCE__IMAGES_PER_CLASS, s.getImagesPerClass(), ">= 1");
            } else if (c.atMost(Literals.DATA_SOURCE__IMAGES_PER_CLASS, -1, s.getImagesPerClass(), MAX_IMAGES_PER_CLASS,
                    "4 x " + MAX_IMAGES_PER_CLASS + " images of 128 x 128 take about 20 GB")
                    && s.eContainer() instanceof Dataset d) {
                double smallest = Math.min(d.getTrainFraction(), Math.min(d.getValidationFraction(), d.getTestFraction()));
                if (smallest > 0 && s.getImagesPerClass() * smallest < 1) {
                    c.problem(Diagnostic.WARNING, Literals.DATA_SOURCE__IMAGES_PER_CLASS, -1, s.getImagesPerClass()
                            + " leaves a split without images of some class; expected >= " + (int) Math.ceil(1 / smallest));
                }
            }
            if (!(s.getDifficulty() >= 0 && s.getDifficulty() <= 1)) {
                c.error(Literals.DATA_SOURCE__DIFFICULTY, s.getDifficulty(), "a value in [0, 1]");
            }
            return c.ok;
        }
        if (s.getKind() == SourceKind.BRATS || s.getKind() == SourceKind.MSD_TASK01) {
            volumeFields(s, c);
        }
        String path = s.getPath();
        String kind = s.getKind().getName();
        boolean folderOnly = s.getKind() != SourceKind.FIGSHARE_MAT;
        String wanted = folderOnly ? "an existing folder of " + kind + " data" : "an existing .mat file or folder of .mat files";
        if (path == null || path.isBlank()) {
            c.missing(Literals.DATA_SOURCE__PATH, wanted + " (a " + kind + " source needs a path)");
            return c.ok;
        }
        Path resolved;
        try {
            Path p = Path.of(path);
            Path base = baseDir(s, context);
            if (!p.isAbsolute() && base == null) {
                return c.ok; // nowhere to resolve against: checked when the file is validated from disk
            }
            resolved = p.isAbsolute() ? p : base.resolve(p).normalize();
        } catch (InvalidPathException e) {
            c.error(Literals.DATA_SOURCE__PATH, path, "a valid file system path (" + e.getReason() + ")");
            return c.ok;
        }
        if (!Files.exists(resolved)) {
            c.error(Literals.DATA_SOURCE__PATH, path, wanted + "; " + resolved + " does not exist");
        } else if (folderOnly && !Files.isDirectory(resolved)) {
            c.error(Literals.DATA_SOURCE__PATH, path, wanted + "; " + resolved + " is not a folder");
        } else if (!Files.isDirectory(resolved) && !Files.isRegularFile(resolved)) {
            c.error(Literals.DATA_SOURCE__PATH, path, wanted + "; " + resolved
                    + " is neither a regular file nor a folder (devices, pipes and sockets are never read)");
        } else if (!Files.isReadable(resolved)) {
            c.error(Literals.DATA_SOURCE__PATH, path, wanted + "; " + resolved + " cannot be read (permission denied)");
        }
        return c.ok;
    }

    /** The fields of a BRATS or MSD_TASK01 source. */
    private static void volumeFields(DataSource s, Check c) {
        if (s.eContainer() instanceof Dataset d && d.getClassNames().size() >= 2) {
            List<String> tumours = d.getClassNames().subList(1, d.getClassNames().size());
            if (!tumours.contains(s.getTumourClass())) {
                c.error(Literals.DATA_SOURCE__TUMOUR_CLASS, s.getTumourClass() == null ? "" : s.getTumourClass(),
                        "one of the dataset's tumour classes " + tumours + " (its class names after the first, healthy)");
            }
        }
        List<Integer> labels = s.getTumourLabels();
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i) < 1 || labels.get(i) > MAX_LABEL) {
                c.error(Literals.DATA_SOURCE__TUMOUR_LABELS, i, labels.get(i), "a label value in 1.." + MAX_LABEL
                        + " (0 is the background; an empty list means every non-zero label)");
            }
        }
        if (s.getMinTumourArea() < 1) {
            c.error(Literals.DATA_SOURCE__MIN_TUMOUR_AREA, s.getMinTumourArea(), ">= 1 pixel");
        }
        if (s.getSliceStep() < 1) {
            c.error(Literals.DATA_SOURCE__SLICE_STEP, s.getSliceStep(), ">= 1 (1 = every slice)");
        }
        if (s.getMaxSlicesPerCase() < 0) {
            c.error(Literals.DATA_SOURCE__MAX_SLICES_PER_CASE, s.getMaxSlicesPerCase(), ">= 0 (0 = no cap)");
        }
        if (s.getMinBrainArea() < 0) {
            c.error(Literals.DATA_SOURCE__MIN_BRAIN_AREA, s.getMinBrainArea(), ">= 0 pixels");
        }
        if (!(s.getLowerPercentile() >= 0 && s.getLowerPercentile() < 100)) {
            c.error(Literals.DATA_SOURCE__LOWER_PERCENTILE, s.getLowerPercentile(), "a percentile in [0, 100)");
        } else if (!(s.getUpperPercentile() > s.getLowerPercentile() && s.getUpperPercentile() <= 100)) {
            c.error(Literals.DATA_SOURCE__UPPER_PERCENTILE, s.getUpperPercentile(), "a percentile in (lowerPercentile = "
                    + format(s.getLowerPercentile()) + ", 100]");
        }
        if (s.getMaxVolumeVoxels() < 1) {
            c.error(Literals.DATA_SOURCE__MAX_VOLUME_VOXELS, s.getMaxVolumeVoxels(), ">= 1 voxel");
        } else {
            c.atMost(Literals.DATA_SOURCE__MAX_VOLUME_VOXELS, -1, s.getMaxVolumeVoxels(), MAX_VOLUME_VOXELS_LIMIT,
                    "a volume of 2^28 voxels takes 1 GiB as floats where it cannot be streamed");
        }
    }

    /** The folder relative paths resolve against, or null when the model is not tied to a local file. */
    static Path baseDir(EObject object, Map<Object, Object> context) {
        if (context != null && context.get(BASE_DIR) instanceof Path base) {
            return base;
        }
        Resource resource = object.eResource();
        if (resource == null || resource.getURI() == null) {
            return null;
        }
        URI uri = CommonPlugin.resolve(resource.getURI());
        if (!uri.isFile()) {
            return null;
        }
        Path file = Path.of(uri.toFileString()).toAbsolutePath();
        return file.getParent();
    }

    @Override
    public boolean validateAugmentation_valuesAllowed(Augmentation a, DiagnosticChain diagnostics, Map<Object, Object> context) {
        Check c = new Check(a, diagnostics);
        if (!(a.getRotationDegrees() >= 0 && a.getRotationDegrees() <= 180)) {
            c.error(Literals.AUGMENTATION__ROTATION_DEGREES, a.getRotationDegrees(), "a value in [0, 180] (0 = no rotation)");
        }
        return c.ok;
    }

    @Override
    public boolean validateArchitecture_valuesAllowed(Architecture a, DiagnosticChain diagnostics, Map<Object, Object> context) {
        Check c = new Check(a, diagnostics);
        List<Integer> widths = a.getBackboneWidths();
        if (widths.isEmpty()) {
            c.problem(Diagnostic.ERROR, Literals.ARCHITECTURE__BACKBONE_WIDTHS, -1,
                    "none given; expected at least one convolution block width");
        }
        for (int i = 0; i < widths.size(); i++) {
            if (widths.get(i) < 1) {
                c.error(Literals.ARCHITECTURE__BACKBONE_WIDTHS, i, widths.get(i), ">= 1");
            } else {
                c.atMost(Literals.ARCHITECTURE__BACKBONE_WIDTHS, i, widths.get(i), MAX_WIDTH,
                        "filters; the paper's widest block has 128, and activations grow with the width");
            }
        }
        if (!widths.isEmpty() && a.eContainer() instanceof Experiment e && e.getDataset() != null) {
            int size = e.getDataset().getImageSize();
            int blocks = widths.size();
            // sizes that are not a multiple of 8 are the dataset rule's; this one is about other block counts
            if (size >= 16 && size % 8 == 0 && (blocks > 16 || size % (1 << blocks) != 0)) {
                c.problem(Diagnostic.ERROR, Literals.ARCHITECTURE__BACKBONE_WIDTHS, -1, blocks
                        + " blocks are not allowed with image size " + size + "; expected the image size to be divisible by 2^blocks");
            }
        }
        c.required(Literals.ARCHITECTURE__ATTENTION, a.getAttention());
        c.required(Literals.ARCHITECTURE__HEAD, a.getHead());
        return c.ok;
    }

    @Override
    public boolean validateAttention_valuesAllowed(Attention a, DiagnosticChain diagnostics, Map<Object, Object> context) {
        Check c = new Check(a, diagnostics);
        int r = a.getReductionRatio();
        int channels = a.eContainer() instanceof Architecture arch && !arch.getBackboneWidths().isEmpty()
                ? arch.getBackboneWidths().get(arch.getBackboneWidths().size() - 1) : Integer.MAX_VALUE;
        if (r < 1) {
            c.error(Literals.ATTENTION__REDUCTION_RATIO, r, ">= 1");
        } else if (channels >= 1 && r > channels) {
            c.error(Literals.ATTENTION__REDUCTION_RATIO, r, "1.." + channels + " (at most the last backbone width)");
        }
        List<Integer> kernels = a.getSpatialKernels();
        if (kernels.isEmpty()) {
            c.problem(Diagnostic.ERROR, Literals.ATTENTION__SPATIAL_KERNELS, -1, "none given; expected at least one kernel size");
        }
        for (int i = 0; i < kernels.size(); i++) {
            if (!oddPositive(kernels.get(i))) {
                c.error(Literals.ATTENTION__SPATIAL_KERNELS, i, kernels.get(i), "an odd kernel size >= 1");
            } else {
                c.atMost(Literals.ATTENTION__SPATIAL_KERNELS, i, kernels.get(i), MAX_KERNEL, KERNEL_REASON);
            }
        }
        if (!oddPositive(a.getFuseKernel())) {
            c.error(Literals.ATTENTION__FUSE_KERNEL, a.getFuseKernel(), "an odd kernel size >= 1");
        } else {
            c.atMost(Literals.ATTENTION__FUSE_KERNEL, -1, a.getFuseKernel(), MAX_KERNEL, KERNEL_REASON);
        }
        return c.ok;
    }

    private static final String KERNEL_REASON = "the paper uses 1-7; a k x k kernel holds k^2 x channels^2 weights";

    private static boolean oddPositive(int k) {
        return k >= 1 && k % 2 == 1;
    }

    @Override
    public boolean validateQuantumHead_valuesAllowed(QuantumHead h, DiagnosticChain diagnostics, Map<Object, Object> context) {
        Check c = new Check(h, diagnostics);
        int q = h.getQubits();
        if (q < 1 || q > MAX_QUBITS) {
            c.error(Literals.QUANTUM_HEAD__QUBITS, q, "1.." + MAX_QUBITS);
        } else if (q == 1 && h.getEntangler() == Entangler.STRONGLY_ENTANGLING) {
            c.error(Literals.QUANTUM_HEAD__QUBITS, q, "2.." + MAX_QUBITS + " with STRONGLY_ENTANGLING (its CNOTs need two wires)");
        }
        if (h.getLayers() < 1) {
            c.error(Literals.QUANTUM_HEAD__LAYERS, h.getLayers(), ">= 1");
        } else {
            c.atMost(Literals.QUANTUM_HEAD__LAYERS, -1, h.getLayers(), MAX_LAYERS,
                    "each layer is a pass over 2^qubits amplitudes per image and circuit");
        }
        if (h.getCircuits() < 1) {
            c.error(Literals.QUANTUM_HEAD__CIRCUITS, h.getCircuits(), ">= 1");
        } else if (q >= 1 && q <= MAX_QUBITS && (long) h.getCircuits() << q > MAX_AMPLITUDES) {
            c.problem(Diagnostic.ERROR, Literals.QUANTUM_HEAD__CIRCUITS, -1, "2^" + q + " x " + h.getCircuits() + " = "
                    + ((long) h.getCircuits() << q) + " amplitudes are not allowed; expected 2^qubits x circuits <= " + MAX_AMPLITUDES);
        }
        if (h.getShots() < 0) {
            c.error(Literals.QUANTUM_HEAD__SHOTS, h.getShots(), ">= 0 (0 = exact expectation values)");
        } else {
            c.atMost(Literals.QUANTUM_HEAD__SHOTS, -1, h.getShots(), MAX_SHOTS,
                    "beyond 10^8 shots the estimate is within 10^-4 of the exact value; 0 gives it exactly");
        }
        noise(c, h);
        return c.ok;
    }

    /** Noise strengths are probabilities; channels need a density matrix; readout has 0, 1 or q values. */
    private static void noise(Check c, QuantumHead h) {
        boolean strengthsOk = probability(c, Literals.QUANTUM_HEAD__DEPOLARIZING, h.getDepolarizing());
        strengthsOk &= probability(c, Literals.QUANTUM_HEAD__AMPLITUDE_DAMPING, h.getAmplitudeDamping());
        strengthsOk &= probability(c, Literals.QUANTUM_HEAD__PHASE_DAMPING, h.getPhaseDamping());
        if (strengthsOk && h.getSimulator() != Simulator.DENSITY_MATRIX) {
            EStructuralFeature first = h.getDepolarizing() > 0 ? Literals.QUANTUM_HEAD__DEPOLARIZING
                    : h.getAmplitudeDamping() > 0 ? Literals.QUANTUM_HEAD__AMPLITUDE_DAMPING
                    : h.getPhaseDamping() > 0 ? Literals.QUANTUM_HEAD__PHASE_DAMPING : null;
            if (first != null) {
                c.problem(Diagnostic.ERROR, Literals.QUANTUM_HEAD__SIMULATOR, -1, h.getSimulator() + " is not allowed with "
                        + first.getName() + " = " + format(h.eGet(first)) + "; expected DENSITY_MATRIX (noise channels "
                        + "need a density matrix), or every gate-noise strength 0");
            }
        }
        int q = h.getQubits();
        if (h.getSimulator() == Simulator.DENSITY_MATRIX && q > MAX_DENSITY_MATRIX_QUBITS && q <= MAX_QUBITS) {
            c.error(Literals.QUANTUM_HEAD__QUBITS, q, "1.." + MAX_DENSITY_MATRIX_QUBITS
                    + " with DENSITY_MATRIX (a 2^q x 2^q matrix per image, kept after every gate for the gradients)");
        } else if (h.getSimulator() == Simulator.DENSITY_MATRIX && q >= 1 && h.getLayers() >= 1 && h.getCircuits() >= 1
                && h.eContainer() instanceof Architecture a && a.eContainer() instanceof Experiment e
                && e.getTraining() != null && e.getTraining().getBatchSize() >= 1) {
            long bytes = (long) e.getTraining().getBatchSize() * h.getCircuits() * 2 * (2 + (long) q * h.getLayers())
                    * (1L << (2 * q)) * Double.BYTES;
            if (bytes > MAX_DENSITY_MATRIX_BYTES) {
                c.problem(Diagnostic.ERROR, Literals.QUANTUM_HEAD__LAYERS, -1, String.format(java.util.Locale.ROOT,
                        "%d layers are not allowed with DENSITY_MATRIX here: the density matrices of a batch (%d images "
                        + "x %d circuits of %d qubits) would take %.1f GiB; expected at most %.0f GiB (fewer layers, "
                        + "circuits or qubits, or a smaller training.batchSize)", h.getLayers(),
                        e.getTraining().getBatchSize(), h.getCircuits(), q, bytes / (double) (1L << 30),
                        MAX_DENSITY_MATRIX_BYTES / (double) (1L << 30)));
            }
        }
        List<Double> readout = h.getReadoutError();
        if (readout.size() > 1 && readout.size() != q) {
            c.problem(Diagnostic.ERROR, Literals.QUANTUM_HEAD__READOUT_ERROR, -1, readout.size()
                    + " values are not allowed; expected none, one (every wire) or one per qubit (" + q + ")");
        }
        for (int i = 0; i < readout.size(); i++) {
            double r = readout.get(i);
            if (!(r >= 0 && r <= 1)) {
                c.error(Literals.QUANTUM_HEAD__READOUT_ERROR, i, r, "a flip probability in [0, 1] (0 = none)");
            }
        }
    }

    private static boolean probability(Check c, EStructuralFeature f, double p) {
        if (!(p >= 0 && p <= 1)) {
            c.error(f, p, "a probability in [0, 1] (0 = none)");
            return false;
        }
        return true;
    }

    @Override
    public boolean validateClassicalHead_valuesAllowed(ClassicalHead h, DiagnosticChain diagnostics, Map<Object, Object> context) {
        Check c = new Check(h, diagnostics);
        if (h.getWidth() < 1) {
            c.error(Literals.CLASSICAL_HEAD__WIDTH, h.getWidth(), ">= 1");
        } else {
            c.atMost(Literals.CLASSICAL_HEAD__WIDTH, -1, h.getWidth(), MAX_AMPLITUDES, "as the projection");
        }
        if (h.getProjectionWidth() < 1 || h.getProjectionWidth() > MAX_AMPLITUDES) {
            c.error(Literals.CLASSICAL_HEAD__PROJECTION_WIDTH, h.getProjectionWidth(), "1.." + MAX_AMPLITUDES);
        }
        if (!normalizedSlicesAllowed(h.getNormalizedSlices(), h.getProjectionWidth())) {
            c.error(Literals.CLASSICAL_HEAD__NORMALIZED_SLICES, h.getNormalizedSlices(),
                    normalizedSlicesExpected(h.getProjectionWidth()));
        }
        return c.ok;
    }

    @Override
    public boolean validateTraining_valuesAllowed(Training t, DiagnosticChain diagnostics, Map<Object, Object> context) {
        Check c = new Check(t, diagnostics);
        if (!(t.getLearningRate() > 0) || Double.isInfinite(t.getLearningRate())) {
            c.error(Literals.TRAINING__LEARNING_RATE, t.getLearningRate(), "> 0");
        }
        nonNegative(c, Literals.TRAINING__WEIGHT_DECAY, t.getWeightDecay(), "");
        nonNegative(c, Literals.TRAINING__GRADIENT_CLIP_NORM, t.getGradientClipNorm(), " (0 = no clipping)");
        if (!(t.getPlateauFactor() > 0 && t.getPlateauFactor() < 1)) {
            c.error(Literals.TRAINING__PLATEAU_FACTOR, t.getPlateauFactor(), "a factor in (0, 1)");
        }
        if (t.getPlateauPatience() < 0) {
            c.error(Literals.TRAINING__PLATEAU_PATIENCE, t.getPlateauPatience(), ">= 0");
        }
        if (t.getEarlyStoppingPatience() < 0) {
            c.error(Literals.TRAINING__EARLY_STOPPING_PATIENCE, t.getEarlyStoppingPatience(), ">= 0 (0 = never stop early)");
        }
        if (t.getMaxEpochs() < 1) {
            c.error(Literals.TRAINING__MAX_EPOCHS, t.getMaxEpochs(), ">= 1");
        }
        if (t.getBatchSize() < 1) {
            c.error(Literals.TRAINING__BATCH_SIZE, t.getBatchSize(), ">= 1");
        } else {
            c.atMost(Literals.TRAINING__BATCH_SIZE, -1, t.getBatchSize(), MAX_BATCH_SIZE,
                    "activations grow linearly with the batch; the paper uses 64");
        }
        if (t.getBatchNormRecalibration() < 0) {
            c.error(Literals.TRAINING__BATCH_NORM_RECALIBRATION, t.getBatchNormRecalibration(), ">= 0 (0 = off)");
        }
        return c.ok;
    }

    private static void nonNegative(Check c, EStructuralFeature f, double value, String note) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            c.error(f, value, ">= 0" + note);
        }
    }

    @Override
    public boolean validateLoss_valuesAllowed(Loss l, DiagnosticChain diagnostics, Map<Object, Object> context) {
        Check c = new Check(l, diagnostics);
        nonNegative(c, Literals.LOSS__ALPHA, l.getAlpha(), "");
        nonNegative(c, Literals.LOSS__BETA, l.getBeta(), "");
        nonNegative(c, Literals.LOSS__ZETA, l.getZeta(), "");
        nonNegative(c, Literals.LOSS__GAMMA, l.getGamma(), "");
        if (c.ok && !(l.getAlpha() + l.getBeta() > 0)) {
            c.problem(Diagnostic.ERROR, Literals.LOSS__ALPHA, -1, "alpha + beta = 0 is not allowed; expected > 0 (nothing to learn from)");
        }
        if (c.ok && l.getBeta() > 0 && !(l.getZeta() + l.getGamma() > 0)) {
            c.problem(Diagnostic.ERROR, Literals.LOSS__ZETA, -1, "zeta + gamma = 0 is not allowed when beta = " + format(l.getBeta())
                    + "; expected zeta + gamma > 0");
        }
        List<Double> weights = l.getClassWeights();
        if (l.getClassWeighting() == ClassWeighting.EXPLICIT) {
            int classes = l.eContainer() instanceof Experiment e && e.getDataset() != null
                    ? e.getDataset().getClassNames().size() : weights.size();
            if (weights.size() != classes) {
                c.problem(Diagnostic.ERROR, Literals.LOSS__CLASS_WEIGHTS, -1, weights.size()
                        + " weights are not allowed; expected one per class (" + classes + ") when classWeighting is EXPLICIT");
            }
            for (int i = 0; i < weights.size(); i++) {
                double w = weights.get(i);
                if (!(w > 0) || Double.isInfinite(w)) {
                    c.error(Literals.LOSS__CLASS_WEIGHTS, i, w, "> 0");
                }
            }
        } else if (!weights.isEmpty()) {
            c.problem(Diagnostic.WARNING, Literals.LOSS__CLASS_WEIGHTS, -1, format(weights)
                    + " is ignored; expected no weights unless classWeighting is EXPLICIT (it is " + l.getClassWeighting() + ")");
        }
        return c.ok;
    }

    @Override
    public boolean validateEvaluation_valuesAllowed(Evaluation e, DiagnosticChain diagnostics, Map<Object, Object> context) {
        Check c = new Check(e, diagnostics);
        List<Double> thresholds = e.getJaccardThresholds();
        for (int i = 0; i < thresholds.size(); i++) {
            double t = thresholds.get(i);
            if (!(t > 0 && t < 1)) {
                c.error(Literals.EVALUATION__JACCARD_THRESHOLDS, i, t, "a threshold in (0, 1)");
            } else if (thresholds.indexOf(t) < i) {
                c.problem(Diagnostic.WARNING, Literals.EVALUATION__JACCARD_THRESHOLDS, i,
                        format(t) + " is repeated; expected each threshold once");
            }
        }
        if (!(e.getTsnePerplexity() > 0) || Double.isInfinite(e.getTsnePerplexity())) {
            c.error(Literals.EVALUATION__TSNE_PERPLEXITY, e.getTsnePerplexity(), "> 0");
        }
        if (e.getAttentionExamples() < 0) {
            c.error(Literals.EVALUATION__ATTENTION_EXAMPLES, e.getAttentionExamples(), ">= 0");
        } else {
            c.atMost(Literals.EVALUATION__ATTENTION_EXAMPLES, -1, e.getAttentionExamples(), MAX_ATTENTION_EXAMPLES,
                    "one row of the attention gallery each");
        }
        if (e.getExplanationImages() < 0) {
            c.error(Literals.EVALUATION__EXPLANATION_IMAGES, e.getExplanationImages(), ">= 0 (0 = every tumour test image)");
        }
        // the upper bound only for an image size that is allowed itself (its own rule reports the others)
        int size = e.eContainer() instanceof Experiment x && x.getDataset() != null ? x.getDataset().getImageSize() : 0;
        size = size >= 16 && size % 8 == 0 ? size : 0;
        if (e.getOcclusionPatch() < 1 || size > 0 && e.getOcclusionPatch() > size) {
            c.error(Literals.EVALUATION__OCCLUSION_PATCH, e.getOcclusionPatch(),
                    size > 0 ? "a patch of 1 to " + size + " pixels (the image size)" : ">= 1");
        } else if (e.getOcclusionStride() < 1 || e.getOcclusionStride() > e.getOcclusionPatch()) {
            c.error(Literals.EVALUATION__OCCLUSION_STRIDE, e.getOcclusionStride(), "a stride of 1 to "
                    + e.getOcclusionPatch() + " pixels (at most the patch, so that every pixel is covered)");
        }
        if (e.getCalibrationBins() < 1 || e.getCalibrationBins() > MAX_CALIBRATION_BINS) {
            c.error(Literals.EVALUATION__CALIBRATION_BINS, e.getCalibrationBins(), "1 to " + MAX_CALIBRATION_BINS);
        }
        if (!(e.getOodInDistributionShare() > 0 && e.getOodInDistributionShare() <= 1)) {
            c.error(Literals.EVALUATION__OOD_IN_DISTRIBUTION_SHARE, e.getOodInDistributionShare(), "a share in (0, 1]");
        }
        if (!(e.getEnergyTemperature() > 0) || Double.isInfinite(e.getEnergyTemperature())) {
            c.error(Literals.EVALUATION__ENERGY_TEMPERATURE, e.getEnergyTemperature(), "> 0");
        }
        return c.ok;
    }

    /** Most confidence bins of the calibration error: more bins than that hold a handful of test images each. */
    public static final int MAX_CALIBRATION_BINS = 1000;

    /** Most CPU threads one trial may ask for. */
    public static final int MAX_THREADS_PER_TRIAL = 256;

    /** Context key under which the base experiment of a sweep is kept while the sweep is validated. */
    private static final String SWEEP_BASE = "org.hqcm.model.validation.sweepBase";

    @Override
    public boolean validateSweep_valuesAllowed(Sweep s, DiagnosticChain diagnostics, Map<Object, Object> context) {
        Check c = new Check(s, diagnostics);
        String name = s.getName();
        if (name == null || name.isBlank()) {
            c.missing(Literals.SWEEP__NAME, "a name of letters, digits, '.', '_' or '-'");
        } else if (!NAME.matcher(name).matches()) {
            c.error(Literals.SWEEP__NAME, name,
                    "letters, digits, '.', '_' or '-', starting with a letter or digit (it names sweep folders)");
        }
        boolean hasFile = s.getExperimentFile() != null && !s.getExperimentFile().isBlank();
        if (hasFile && s.getExperiment() != null) {
            c.problem(Diagnostic.ERROR, Literals.SWEEP__EXPERIMENT_FILE, -1, format(s.getExperimentFile())
                    + " and a contained experiment are not allowed together; expected one base experiment");
        } else if (!hasFile && s.getExperiment() == null) {
            c.missing(Literals.SWEEP__EXPERIMENT_FILE, "an .hqcm file or a contained experiment (the sweep's base)");
        }
        List<Long> seeds = s.getSeeds();
        for (int i = 0; i < seeds.size(); i++) {
            if (seeds.indexOf(seeds.get(i)) < i) {
                c.error(Literals.SWEEP__SEEDS, i, seeds.get(i), "each seed once (same as seeds[" + seeds.indexOf(seeds.get(i)) + "])");
            }
        }
        if (seeds.isEmpty() && s.getSeedCount() < 1) {
            c.error(Literals.SWEEP__SEED_COUNT, s.getSeedCount(), ">= 1 (or a list of seeds)");
        }
        if (s.getStrategy() == SweepStrategy.RANDOM && s.getRandomCount() < 1) {
            c.error(Literals.SWEEP__RANDOM_COUNT, s.getRandomCount(), ">= 1 with strategy RANDOM");
        }
        if (s.getThreadsPerTrial() < 1 || s.getThreadsPerTrial() > MAX_THREADS_PER_TRIAL) {
            c.error(Literals.SWEEP__THREADS_PER_TRIAL, s.getThreadsPerTrial(), "1.." + MAX_THREADS_PER_TRIAL);
        }
        List<String> paths = s.getAxes().stream().map(a -> a.getPath() == null ? "" : a.getPath().strip()).toList();
        for (int i = 0; i < paths.size(); i++) {
            if (!paths.get(i).isEmpty() && paths.indexOf(paths.get(i)) < i) {
                c.problem(Diagnostic.ERROR, Literals.SWEEP__AXES, i, format(paths.get(i))
                        + " is repeated; expected each feature path on one axis (same as axes[" + paths.indexOf(paths.get(i)) + "])");
            }
        }
        long grid = SweepExpansion.gridSize(s);
        if (grid > SweepExpansion.MAX_CONFIGURATIONS) {
            c.problem(Diagnostic.ERROR, Literals.SWEEP__AXES, -1, grid + " combinations of axis values are not allowed; "
                    + "expected at most " + SweepExpansion.MAX_CONFIGURATIONS);
        }
        Experiment base = sweepBase(s, c, context);
        if (!c.ok || base == null) {
            return c.ok;
        }
        // every axis value must be applicable before trials are checked (validateSweepAxis reports those)
        for (SweepAxis axis : s.getAxes()) {
            if (!axisApplicable(axis, base)) {
                return c.ok;
            }
        }
        List<Configuration> configurations;
        try {
            configurations = SweepExpansion.configurations(s, base);
        } catch (SweepExpansion.AxisValueException e) {
            Check axis = new Check(s.getAxes().get(e.axis()), diagnostics);
            String label = "\"" + s.getAxes().get(e.axis()).getValues().get(e.value()) + "\"";
            axis.problem(Diagnostic.ERROR, Literals.SWEEP_AXIS__VALUES, e.value(), label + " cannot be applied in some "
                    + "configuration: " + e.getMessage());
            return false;
        }
        long trials = (long) configurations.size() * SweepExpansion.seeds(s).size();
        if (trials > SweepExpansion.MAX_TRIALS) {
            c.problem(Diagnostic.ERROR, Literals.SWEEP__AXES, -1, configurations.size() + " configurations x "
                    + SweepExpansion.seeds(s).size() + " seeds are not allowed; expected at most " + SweepExpansion.MAX_TRIALS + " trials");
            return false;
        }
        checkTrials(s, c, configurations, context, diagnostics);
        return c.ok;
    }

    /** Each configuration checked by the experiment's own rules; a problem is reported on the axis value behind it. */
    private void checkTrials(Sweep s, Check c, List<Configuration> configurations, Map<Object, Object> context,
            DiagnosticChain diagnostics) {
        Path baseFolder = SweepExpansion.baseFolder(s, baseDir(s, context));
        List<FeaturePath> paths = s.getAxes().stream().map(a -> FeaturePath.parse(a.getPath())).toList();
        java.util.Set<String> reported = new java.util.HashSet<>();
        java.util.Set<String> baseProblems = new java.util.HashSet<>();
        Experiment base = sweepBase(s, new Check(s, null), context);
        for (Problem p : ExperimentValidator.validate(base, baseFolder)) {
            if (p.isError()) {
                baseProblems.add(p.toString());
            }
        }
        boolean contained = s.getExperiment() != null;
        Map<String, Integer> ids = new HashMap<>();
        for (int k = 0; k < configurations.size(); k++) {
            Configuration conf = configurations.get(k);
            Integer same = ids.putIfAbsent(conf.id(), k);
            if (same != null) {
                c.problem(Diagnostic.ERROR, Literals.SWEEP__AXES, -1, "configurations [" + configurations.get(same).label()
                        + "] and [" + conf.label() + "] are the same experiment; expected every configuration to differ "
                        + "(is a value repeated?)");
                continue;
            }
            for (Problem p : ExperimentValidator.validate(conf.experiment(), baseFolder)) {
                if (!p.isError()) {
                    continue;
                }
                int axis = -1;
                for (int a = 0; a < paths.size() && axis < 0; a++) {
                    if (paths.get(a).covers(p.featurePath())) {
                        axis = a;
                    }
                }
                if (axis >= 0) {
                    String value = conf.axisValues().get(axis);
                    if (reported.add(axis + "\u0000" + value + "\u0000" + p)) {
                        Check at = new Check(s.getAxes().get(axis), diagnostics);
                        at.problem(Diagnostic.ERROR, Literals.SWEEP_AXIS__VALUES,
                                s.getAxes().get(axis).getValues().indexOf(value), paths.get(axis) + " = " + format(value)
                                + " makes trial [" + conf.label() + "] invalid: " + p.featurePath() + ": " + p.message());
                    }
                } else if (baseProblems.contains(p.toString())) {
                    // a contained base reports its own problems (experiment.*); a base file is named once
                    if (!contained && reported.add(p.toString())) {
                        c.problem(Diagnostic.ERROR, Literals.SWEEP__EXPERIMENT_FILE, -1, "the base experiment "
                                + s.getExperimentFile() + " is invalid: " + p.featurePath() + ": " + p.message());
                    }
                } else if (reported.add(p.toString())) {
                    c.problem(Diagnostic.ERROR, contained ? Literals.SWEEP__EXPERIMENT : Literals.SWEEP__EXPERIMENT_FILE,
                            -1, "trial [" + conf.label() + "] is invalid: " + p.featurePath() + ": " + p.message());
                }
            }
        }
    }

    private static boolean axisApplicable(SweepAxis axis, Experiment base) {
        try {
            FeaturePath path = FeaturePath.parse(axis.getPath());
            if (axis.getValues().isEmpty()) {
                return false;
            }
            for (String v : axis.getValues()) {
                if (!path.isHead()) {
                    applicableSomewhere(path, base, v);
                } else {
                    path.check(base, v);
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The base experiment of a sweep, loaded once per validation; null (and a problem) when it cannot be had. */
    private Experiment sweepBase(Sweep s, Check c, Map<Object, Object> context) {
        if (context != null && context.get(SWEEP_BASE) instanceof Object[] cached && cached[0] == s) {
            return (Experiment) cached[1];
        }
        Experiment base = null;
        Path folder = baseDir(s, context);
        Path file = SweepExpansion.experimentFile(s, folder);
        try {
            if (file == null || file.isAbsolute()) {
                base = SweepExpansion.base(s, folder);
            }
        } catch (ModelFileException e) {
            c.problem(Diagnostic.ERROR, Literals.SWEEP__EXPERIMENT_FILE, -1, format(s.getExperimentFile())
                    + " is not allowed; expected a readable .hqcm experiment: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // no base at all: reported above as missing
        }
        if (context != null) {
            context.put(SWEEP_BASE, new Object[] {s, base});
        }
        return base;
    }

    @Override
    public boolean validateSweepAxis_valuesAllowed(SweepAxis a, DiagnosticChain diagnostics, Map<Object, Object> context) {
        Check c = new Check(a, diagnostics);
        FeaturePath path;
        try {
            path = FeaturePath.parse(a.getPath());
        } catch (IllegalArgumentException e) {
            c.problem(Diagnostic.ERROR, Literals.SWEEP_AXIS__PATH, -1, e.getMessage());
            return c.ok;
        }
        if (a.getValues().isEmpty()) {
            c.problem(Diagnostic.ERROR, Literals.SWEEP_AXIS__VALUES, -1, "none given; expected at least one value for "
                    + path);
        }
        Experiment base = a.eContainer() instanceof Sweep s ? sweepBase(s, new Check(s, null), context) : null;
        if (base == null) {
            return c.ok;
        }
        if (!path.isHead()) {
            try {
                applicableSomewhere(path, base, null);
            } catch (IllegalArgumentException e) {
                c.problem(Diagnostic.ERROR, Literals.SWEEP_AXIS__PATH, -1, format(path.toString())
                        + " is not allowed; expected a feature path into the experiment: " + e.getMessage());
                return c.ok;
            }
        }
        for (int i = 0; i < a.getValues().size(); i++) {
            try {
                if (path.isHead()) {
                    path.check(base, a.getValues().get(i));
                } else {
                    applicableSomewhere(path, base, a.getValues().get(i));
                }
            } catch (IllegalArgumentException e) {
                c.problem(Diagnostic.ERROR, Literals.SWEEP_AXIS__VALUES, i, e.getMessage() + " (for " + path + ")");
            }
        }
        return c.ok;
    }

    /**
     * Resolves (and with a value, applies to a copy) a path on the base, or on the base with each preset head when the
     * path fails on the base's own head: {@code architecture.head.qubits} is fine on a classical base when a head axis
     * brings a quantum head. Throws the base's own failure when no variant works.
     */
    private static void applicableSomewhere(FeaturePath path, Experiment base, String value) {
        IllegalArgumentException first = null;
        for (String head : new String[] {null, FeaturePath.QUANTUM, FeaturePath.CLASSICAL}) {
            try {
                Experiment e = org.eclipse.emf.ecore.util.EcoreUtil.copy(base);
                if (head != null) {
                    FeaturePath.parse(FeaturePath.HEAD).apply(e, head);
                }
                if (value == null) {
                    path.resolve(e);
                } else {
                    path.apply(e, value);
                }
                return;
            } catch (IllegalArgumentException e) {
                if (first == null) {
                    first = e;
                }
                if (head == null && !path.toString().startsWith(FeaturePath.HEAD + ".")) {
                    throw e;
                }
            }
        }
        throw first;
    }

    /** A value as the user wrote it: numbers without needless digits, text in quotes, lists in brackets. */
    static String format(Object value) {
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d.toString();
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(format(list.get(i)));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(value);
    }

    /** Collects the diagnostics of one object's rules. */
    private final class Check {
        private final EObject object;
        private final DiagnosticChain diagnostics;
        boolean ok = true;

        Check(EObject object, DiagnosticChain diagnostics) {
            this.object = object;
            this.diagnostics = diagnostics;
        }

        void error(EStructuralFeature f, Object value, String expected) {
            error(f, -1, value, expected);
        }

        void error(EStructuralFeature f, int index, Object value, String expected) {
            problem(Diagnostic.ERROR, f, index, notAllowedDetail(value, expected));
        }

        /** Reports {@code value > max} with the reason of the limit; true when the value is within it. */
        boolean atMost(EStructuralFeature f, int index, long value, long max, String reason) {
            if (value <= max) {
                return true;
            }
            problem(Diagnostic.ERROR, f, index, value + " is not allowed; expected at most " + max + " (" + reason + ")");
            return false;
        }

        void missing(EStructuralFeature f, String expected) {
            problem(Diagnostic.ERROR, f, -1, "missing; expected " + expected);
        }

        void required(EStructuralFeature f, Object value) {
            if (value == null) {
                String name = f.getName();
                missing(f, ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name + " element");
            }
        }

        void problem(int severity, EStructuralFeature f, int index, String detail) {
            if (severity == Diagnostic.ERROR) {
                ok = false;
            }
            if (diagnostics == null) {
                return;
            }
            String path = FeaturePaths.of(object, f, index);
            Problem problem = new Problem(severity == Diagnostic.ERROR ? Problem.Severity.ERROR : Problem.Severity.WARNING,
                    path, detail);
            diagnostics.add(new BasicDiagnostic(severity, DIAGNOSTIC_SOURCE, f.getFeatureID(), path + ": " + detail,
                    new Object[] {object, f, problem}));
        }
    }
}
