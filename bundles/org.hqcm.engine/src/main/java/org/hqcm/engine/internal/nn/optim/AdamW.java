package org.hqcm.engine.internal.nn.optim;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.nn.HostArrays;
import org.hqcm.engine.internal.nn.Parameter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adam with decoupled weight decay, step for step as PyTorch's AdamW (amsgrad off):
 * p *= 1 - lr * wd; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
 * p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
 * Weight decay applies to every parameter it is given, as PyTorch's does for one parameter group.
 * The learning rate can be changed between steps (for a plateau schedule).
 */
public final class AdamW implements Optimizer {
    /**
     * Values per task when a parameter is updated on several threads: the step is plain Java, and one thread took
     * 40-44 ms of a 128 px step for the 1.4 M values of the paper's network (bench train, 2 cores, 2026-12-01).
     */
    private static final int CHUNK = 1 << 15;
    /** A chunk's gradient and value in double, per thread. */
    private static final ThreadLocal<double[][]> CHUNK_BUFFERS = ThreadLocal.withInitial(
            () -> new double[][] {new double[CHUNK], new double[CHUNK]});
    private double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private long step;
    /** First and second moments per parameter name, in double on the heap: one pass of plain Java per step
     * beats a dozen small ND4J ops per parameter by far at these sizes. */
    private final Map<String, double[][]> moments = new HashMap<>();

    public AdamW(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        setLearningRate(learningRate);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new BadInputException("optimizer.betas: expected values in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new BadInputException("optimizer.epsilon: expected a positive number, got " + epsilon);
        }
        if (!(weightDecay >= 0)) {
            throw new BadInputException("optimizer.weightDecay: expected a number >= 0, got " + weightDecay);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    public double learningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new BadInputException("optimizer.learningRate: expected a positive number, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /** Steps taken so far (t of the bias correction). */
    public long steps() {
        return step;
    }

    /** One update of every parameter from its current gradient. */
    public void step(List<Parameter> parameters) {
        step++;
        double c1 = 1 - Math.pow(beta1, step);
        double sqrtC2 = Math.sqrt(1 - Math.pow(beta2, step));
        double decay = 1 - learningRate * weightDecay;
        double stepSize = learningRate / c1;
        for (Parameter p : parameters) {
            int size = Math.toIntExact(p.size());
            double[][] mv = moments.computeIfAbsent(p.name(), k -> new double[][] {new double[size], new double[size]});
            double[] m = mv[0];
            double[] v = mv[1];
            INDArray valueArray = p.value();
            if (valueArray.dataType() == DataType.FLOAT && HostArrays.isDense(valueArray) && HostArrays.isDense(p.gradient())) {
                // in place through the native buffers: no copies of the (large) projection weights. Every value's
                // update is its own, so chunks on several threads give the same bits as one loop.
                FloatBuffer g = p.gradient().data().asNioFloat();
                FloatBuffer value = valueArray.data().asNioFloat();
                int chunks = (size + CHUNK - 1) / CHUNK;
                IntStream range = IntStream.range(0, chunks);
                (chunks > 1 ? range.parallel() : range).forEach(chunk -> {
                    int start = chunk * CHUNK;
                    int length = Math.min(size, start + CHUNK) - start;
                    double[][] w = CHUNK_BUFFERS.get();
                    double[] gd = w[0];
                    double[] vd = w[1];
                    for (int k = 0; k < length; k++) {
                        gd[k] = g.get(start + k);
                        vd[k] = value.get(start + k);
                    }
                    update(gd, vd, m, v, start, length, decay, stepSize, sqrtC2);
                    for (int k = 0; k < length; k++) {
                        value.put(start + k, (float) vd[k]);
                    }
                });
                continue;
            }
            double[] value = HostArrays.toDoubles(valueArray);
            update(HostArrays.toDoubles(p.gradient()), value, m, v, 0, size, decay, stepSize, sqrtC2);
            HostArrays.copyIn(value, valueArray);
        }
    }

    /**
     * The update of {@code length} values from {@code start} of the moments, on the gradient and value of those values
     * in double (a chunk of a float parameter, or a whole parameter): the same operations as on floats read one by
     * one (so the same bits), in a loop of doubles alone, which HotSpot 17 vectorizes. With the float-to-double
     * conversions inside, it did not: 32 ms per step for the 1.4 M values of the paper's network on one core, 13 ms
     * with them outside (stand-alone harness, 2026-12-01).
     */
    private void update(double[] g, double[] value, double[] m, double[] v, int start, int length, double decay,
            double stepSize, double sqrtC2) {
        for (int k = 0; k < length; k++) {
            int i = start + k;
            double gi = g[k];
            double mi = beta1 * m[i] + (1 - beta1) * gi;
            double vi = beta2 * v[i] + (1 - beta2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            value[k] = value[k] * decay - stepSize * mi / (Math.sqrt(vi) / sqrtC2 + epsilon);
        }
    }

    /** Reads value, gradient and both moments, writes value and moments: 2 x 4 + 2 x 8 read, 4 + 2 x 8 written. */
    @Override
    public double[] stepCostPerValue() {
        return new double[] {14, 2 * Float.BYTES + 2 * Double.BYTES + Float.BYTES + 2 * Double.BYTES};
    }

    /**
     * The optimizer's state as plain arrays: "step" and "learningRate" (one value each) and, per
     * parameter name, "NAME.m" and "NAME.v".
     */
    public Map<String, double[]> exportState() {
        Map<String, double[]> state = new LinkedHashMap<>();
        state.put("step", new double[] {step});
        state.put("learningRate", new double[] {learningRate});
        moments.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            state.put(e.getKey() + ".m", e.getValue()[0].clone());
            state.put(e.getKey() + ".v", e.getValue()[1].clone());
        });
        return state;
    }

    /** Restores {@link #exportState()} for these parameters (moments of parameters not in the state start at 0). */
    public void importState(Map<String, double[]> state, List<Parameter> parameters) {
        double[] s = state.get("step");
        double[] lr = state.get("learningRate");
        if (s == null || s.length != 1 || lr == null || lr.length != 1) {
            throw new IllegalArgumentException("optimizer state: expected step and learningRate");
        }
        moments.clear();
        for (Parameter p : parameters) {
            double[] m = state.get(p.name() + ".m");
            double[] v = state.get(p.name() + ".v");
            if (m == null && v == null) {
                continue;
            }
            if (m == null || v == null || m.length != p.size() || v.length != p.size()) {
                throw new IllegalArgumentException("optimizer state: expected " + p.size() + " moments for " + p.name());
            }
            moments.put(p.name(), new double[][] {m.clone(), v.clone()});
        }
        step = (long) s[0];
        setLearningRate(lr[0]);
    }
}
