package org.hqcm.engine.internal.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hqcm.model.Architecture;
import org.hqcm.model.Attention;
import org.hqcm.model.ClassicalHead;
import org.hqcm.model.DataSource;
import org.hqcm.model.Dataset;
import org.hqcm.model.Embedding;
import org.hqcm.model.Experiment;
import org.hqcm.model.Optimizer;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.SourceKind;
import org.hqcm.model.validation.Problem;

/**
 * What a run will need in memory, from the experiment alone, before anything is allocated: ND4J's native buffers
 * (activations of one batch, parameters and gradients), the Java heap (dataset, optimizer state and checkpoint
 * copies, batches, validation and test predictions, the test evaluation with its t-SNE) and the process's own
 * baseline (JVM, ND4J's native libraries). {@link #check} compares it with what the JVM (-Xmx) and the machine
 * allow and names the field to change when it does not fit.
 *
 * <p>The sizes follow the network's buffers (nn's ConvBlock and DualAttention keep their pre-activation, pooled
 * output and input gradient, ConvBlock also three floats per pooling window and channel on the heap (float networks
 * on the CPU); PatchBlock its pooled output and on the heap its maxima's positions; two scratch buffers
 * of the largest activation are shared), times
 * {@link #NATIVE_OVERHEAD} for ND4J's temporaries in convolution backward. {@code MemoryEstimateTest} checks the
 * parameter count against a real network, so a change of the network that the estimate does not follow fails there.
 *
 * <p>Measured against peak RSS: MEASUREMENTS
 */
public record MemoryEstimate(long parameters, long stateValues, List<Part> parts) {

    /** Bytes of the process besides the run's data: JVM, classes, ND4J's native libraries (the tiny run's 219 MB). */
    static final long BASELINE = 220L << 20;
    /**
     * ND4J's own temporaries (convolution and pooling workspaces, broadcast results) on top of the buffers the
     * network keeps; fitted to the measurements above (native RSS minus baseline over the kept buffers).
     */
    static final double NATIVE_OVERHEAD = 1.35;
    /**
     * Heap a JVM commits for a live set L: about 3 L + 64 MB under G1, which grows the young generation with the
     * allocation rate (fitted to the runs above: RSS minus baseline and native memory), at most -Xmx.
     */
    static final double HEAP_COMMIT_FACTOR = 3;
    /** Share of -Xmx the live heap may take: G1 needs room to copy. */
    static final double HEAP_USABLE = 0.8;
    /** Share of the machine's available memory a run may plan to take. */
    static final double MACHINE_USABLE = 0.9;

    /** One part of the estimate and the experiment field that sizes it most. */
    public record Part(String name, long bytes, boolean heap, String field, String detail) {
    }

    /** What a run may use: the JVM's heap limit and the memory the machine has available. */
    public record Limits(long maxHeap, long machineAvailable) {

        /** The limits of this JVM and machine now. */
        public static Limits ofThisProcess() {
            return new Limits(Runtime.getRuntime().maxMemory(), MachineMemory.available());
        }
    }

    /** The estimate for {@code experiment} over {@code images} dataset images (all sources). */
    public static MemoryEstimate of(Experiment experiment, long images) {
        Dataset d = experiment.getDataset();
        Architecture a = experiment.getArchitecture();
        int size = d.getImageSize();
        List<Integer> widths = a.getBackboneWidths();
        int batch = experiment.getTraining().getBatchSize();
        int classes = d.getClassNames().size();
        Shape shape = Shape.of(a, size, classes);
        List<Part> parts = new ArrayList<>();

        // native: the buffers each block keeps for one batch (floats), then ND4J's temporaries on top
        long m = (long) batch * size * size;
        int c1 = widths.get(0);
        long kept = m / 4 * c1; // block 1 keeps its pooled output only (FusedPatchProduct)
        long largest = 1;
        long normPool = 0; // the later blocks' chosen z, minima and gradients per window, on the heap (FusedNormPool)
        int s = size / 2;
        for (int i = 1; i < widths.size(); i++) {
            long rows = (long) batch * s * s;
            kept += rows * widths.get(i) + rows / 4 * widths.get(i) + rows * widths.get(i - 1);
            largest = Math.max(largest, rows * widths.get(i));
            normPool += 3 * rows / 4 * widths.get(i);
            s /= 2;
        }
        kept += 2 * largest + (long) batch * (size / 2) * (size / 2); // shared scratch, ones
        long features = (long) batch * shape.featureSize * shape.featureSize * shape.channels;
        kept += (shape.attention ? 12 : 2) * features + 2L * shape.mergedKernelValues;
        kept += 4L * batch * (shape.projection + shape.headOutput + classes);
        parts.add(new Part("activations", (long) (4 * kept * NATIVE_OVERHEAD), false, "training.batchSize",
                "batches of " + batch + " images of " + size + " x " + size + " through widths " + widths));
        // block 1 on the heap: the pixels, 16 planes of a quarter image each, and where each window's maximum was;
        // the later blocks' windows
        long hostBatch = 4 * (m + 4 * m + m / 4 * c1 + normPool) + 4L * 4 * batch * size * size;
        parts.add(new Part("parameters and gradients", 8 * shape.parameters, false, shape.largestField,
                shape.parameters + " parameters"));

        // heap: optimizer moments (double), best weights, the checkpoint's copies while it is written
        int moments = experiment.getTraining().getOptimizer() == Optimizer.SGD ? 1 : 2;
        long copies = 8L * (moments * shape.parameters + shape.stateValues) // live moments, best weights
                + 8L * (moments * shape.parameters + shape.stateValues) // their copies in a checkpoint
                + 8L * shape.largestArray; // one entry's bytes while it is zipped
        parts.add(new Part("optimizer state and checkpoints", copies, true, shape.largestField,
                (moments == 2 ? "Adam's two moments" : "SGD's momentum") + " and the best weights in double precision"));

        // heap: the preprocessed dataset: 16-bit pixels, a byte mask for tumour images, the object
        long perImage = 2L * size * size + (long) size * size + 160;
        parts.add(new Part("dataset", images * perImage, true, datasetField(d),
                images + " images of " + size + " x " + size));

        double test = d.getTestFraction();
        double validation = d.getValidationFraction();
        long testImages = (long) Math.ceil(images * test);
        long validationImages = (long) Math.ceil(images * validation);
        long perPrediction = 8L * (classes + (long) shape.featureSize * shape.featureSize + shape.headOutput) + 32;
        parts.add(new Part("batches and validation predictions", hostBatch + validationImages * perPrediction, true,
                "training.batchSize", "batches of " + batch + " and " + validationImages + " validation predictions"));
        // the test evaluation: predictions, full-size masks and maps for the Jaccard, t-SNE's n x n matrices
        long tsne = Math.min(testImages, TestEvaluation.TSNE_POINTS);
        long evaluation = testImages * (perPrediction + 4L * size * size + 4L * shape.featureSize * shape.featureSize
                + 64) + 4 * 8 * tsne * tsne;
        parts.add(new Part("test evaluation", evaluation, true, "dataset.testFraction", testImages
                + " test images with their masks for the attention Jaccard"));
        return new MemoryEstimate(shape.parameters, shape.stateValues, List.copyOf(parts));
    }

    private static String datasetField(Dataset d) {
        int best = -1;
        int most = 0;
        for (int i = 0; i < d.getSources().size(); i++) {
            DataSource s = d.getSources().get(i);
            if (s.getKind() == SourceKind.SYNTHETIC && s.getImagesPerClass() > most) {
                most = s.getImagesPerClass();
                best = i;
            }
        }
        return best >= 0 ? "dataset.sources[" + best + "].imagesPerClass" : "dataset.imageSize";
    }

    /** Live Java heap the run needs. */
    public long heapBytes() {
        return parts.stream().filter(Part::heap).mapToLong(Part::bytes).sum();
    }

    /** ND4J's native memory the run needs. */
    public long nativeBytes() {
        return parts.stream().filter(p -> !p.heap()).mapToLong(Part::bytes).sum();
    }

    /** The resident memory to expect with a heap limit of {@code maxHeap}: baseline, native, committed heap. */
    public long residentBytes(long maxHeap) {
        long committed = Math.min(maxHeap, (long) (heapBytes() * HEAP_COMMIT_FACTOR) + (64L << 20));
        return BASELINE + nativeBytes() + committed;
    }

    /**
     * The problem of a run that does not fit, naming the field that sizes the largest part; empty when it fits.
     * The heap must fit {@link #HEAP_USABLE} of -Xmx; heap, native memory and baseline together must fit
     * {@link #MACHINE_USABLE} of what the machine has available.
     */
    public Optional<Problem> check(Limits limits) {
        long heap = heapBytes();
        long heapRoom = (long) (limits.maxHeap() * HEAP_USABLE);
        if (heap > heapRoom) {
            Part p = largest(true);
            return Optional.of(new Problem(Problem.Severity.ERROR, p.field(), String.format(Locale.ROOT,
                    "the run needs about %s of Java heap (%s), more than the %s that -Xmx %s leaves for it; lower %s"
                            + " (%s: %s) or give the engine a larger heap (HQCM_JAVA_OPTS=-Xmx...)",
                    gb(heap), breakdown(true), gb(heapRoom), gb(limits.maxHeap()), p.field(), p.name(), p.detail())));
        }
        long resident = residentBytes(limits.maxHeap());
        long machineRoom = (long) (limits.machineAvailable() * MACHINE_USABLE);
        if (resident > machineRoom) {
            Part p = largest(false);
            return Optional.of(new Problem(Problem.Severity.ERROR, p.field(), String.format(Locale.ROOT,
                    "the run needs about %s of memory (%s, plus %s for the JVM and ND4J), more than the %s this machine"
                            + " has available; lower %s (%s: %s)",
                    gb(resident), breakdown(false), gb(BASELINE), gb(limits.machineAvailable()), p.field(), p.name(),
                    p.detail())));
        }
        return Optional.empty();
    }

    /** One line for the run's log: the total and its parts. */
    public String summary(long maxHeap) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "memory estimate %s resident (native %s, heap %s"
                + " live; ", gb(residentBytes(maxHeap)), gb(nativeBytes()), gb(heapBytes())));
        for (int i = 0; i < parts.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(parts.get(i).name()).append(' ').append(gb(parts.get(i).bytes()));
        }
        return sb.append(')').toString();
    }

    private Part largest(boolean heapOnly) {
        return parts.stream().filter(p -> !heapOnly || p.heap()).max(Comparator.comparingLong(Part::bytes))
                .orElseThrow();
    }

    private String breakdown(boolean heapOnly) {
        StringBuilder sb = new StringBuilder();
        parts.stream().filter(p -> !heapOnly || p.heap()).sorted(Comparator.comparingLong(Part::bytes).reversed())
                .forEach(p -> sb.append(sb.length() == 0 ? "" : ", ").append(p.name()).append(' ').append(gb(p.bytes())));
        return sb.toString();
    }

    static String gb(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
    }

    /** Parameter counts of the network an architecture builds (the nn package's layers, counted without ND4J). */
    record Shape(long parameters, long stateValues, long largestArray, String largestField, int featureSize,
            int channels, boolean attention, long mergedKernelValues, int projection, int headOutput) {

        static Shape of(Architecture a, int size, int classes) {
            List<Integer> widths = a.getBackboneWidths();
            long params = 0;
            long running = 0;
            long largest = 0;
            long backbone = 0;
            int in = 1;
            for (int w : widths) {
                long conv = 9L * in * w;
                backbone += conv + 2L * w; // 3x3 weights, BatchNorm gamma and beta (no conv bias)
                running += 2L * w; // BatchNorm running mean and variance
                largest = Math.max(largest, conv);
                in = w;
            }
            params += backbone;
            int c = widths.get(widths.size() - 1);
            int fs = size >> widths.size();
            Attention att = a.getAttention();
            boolean attention = att != null && att.isEnabled();
            long attentionParams = 0;
            long merged = 0;
            if (attention) {
                int hidden = Math.max(1, c / Math.max(1, att.getReductionRatio()));
                attentionParams += 2L * c * hidden + hidden + c; // reduce and expand, with biases
                int maxKernel = 1;
                for (int k : att.getSpatialKernels()) {
                    long conv = (long) k * k * c * c;
                    attentionParams += conv + c;
                    largest = Math.max(largest, conv);
                    maxKernel = Math.max(maxKernel, k);
                }
                attentionParams += (long) att.getFuseKernel() * att.getFuseKernel() * c + 1;
                merged = (long) maxKernel * maxKernel * c * c;
            }
            params += attentionParams;
            int projection;
            int headOutput;
            long headParams;
            if (a.getHead() instanceof ClassicalHead h) {
                projection = h.getProjectionWidth();
                headOutput = h.getWidth();
                headParams = (long) projection * headOutput + headOutput;
            } else if (a.getHead() instanceof QuantumHead q) {
                // amplitude embedding takes 2^q values per circuit, angle embedding q
                projection = q.getEmbedding() == Embedding.ANGLE ? q.getCircuits() * q.getQubits()
                        : q.getCircuits() << q.getQubits();
                headOutput = q.getCircuits() * q.getQubits();
                headParams = 3L * q.getCircuits() * q.getLayers() * q.getQubits();
            } else {
                projection = 1;
                headOutput = 1;
                headParams = 0;
            }
            long projectionParams = (long) fs * fs * c * projection + projection;
            largest = Math.max(largest, projectionParams - projection);
            params += projectionParams + headParams + (long) headOutput * classes + classes;
            // the field to change when the parameters are what does not fit: the largest group
            String field = "architecture.backboneWidths";
            long most = backbone;
            if (attentionParams > most) {
                field = "architecture.attention.spatialKernels";
                most = attentionParams;
            }
            if (projectionParams > most) {
                field = a.getHead() instanceof ClassicalHead ? "architecture.head.projectionWidth"
                        : "architecture.head.circuits";
                most = projectionParams;
            }
            if (headParams > most) {
                field = a.getHead() instanceof ClassicalHead ? "architecture.head.width" : "architecture.head.layers";
            }
            return new Shape(params, params + running, largest, field, fs, c, attention, merged, projection,
                    headOutput);
        }
    }
}
