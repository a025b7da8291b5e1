package org.hqcm.engine.quantum;

import java.util.Arrays;

/**
 * Gradients by parameter shift, as a quantum computer would estimate them: for a gate exp(-i a P / 2),
 * dE/da = (E(a + pi/2) - E(a - pi/2)) / 2 exactly, noise channels or not. Every weight (phi, theta, omega of each Rot)
 * gets its two shifted circuits; the input gradient shifts the RY angles of the Mottonen state preparation of the
 * amplitude embedding ({@link StatePreparation}) and chains through d angles / d input, or, for angle embedding,
 * the input angles themselves. With shots, every shifted circuit is estimated from its own {@link ShotNoise} samples;
 * without, the gradient equals the adjoint method's up to rounding.
 *
 * <p>Cost per row and circuit: 2 x 3 q d shifted circuits for the weights plus 2 (2^q - 1) (amplitude) or 2 q (angle)
 * for the input: 122 circuit evaluations for the paper's q = 5, d = 2, where the adjoint method needs about two
 * forward passes' worth. Shifting a weight shifts it in all circuits at once (each circuit only sees its own weights),
 * so weight shifts run as whole batches; input shifts run as extra rows, {@link #CHUNK_ROWS} at a time.
 */
final class ParameterShiftEvaluator implements CircuitEvaluator {

    static final double SHIFT = Math.PI / 2;
    /** Rows of shifted inputs evaluated per call: bounds the density-matrix evaluator's memory (about 16 KB a row). */
    static final int CHUNK_ROWS = 256;

    private final CircuitSpec spec;
    private final int circuits;
    private final CircuitEvaluator base;
    private final CircuitEvaluator shifted;
    private final CircuitEvaluator shiftedRows;
    private final ShotNoise shots;

    private double[] input = new double[0];
    private double[] weights = new double[0];
    private int batch = -1;

    /**
     * @param shots samples the shifted circuits; null for exact expectations
     */
    ParameterShiftEvaluator(Simulator simulator, CircuitSpec spec, int circuits, ShotNoise shots) {
        this.spec = spec;
        this.circuits = circuits;
        this.base = forwardOnly(simulator, spec, circuits);
        this.shifted = forwardOnly(simulator, spec, circuits);
        this.shiftedRows = forwardOnly(simulator, spec, circuits);
        this.shots = shots;
    }

    private static CircuitEvaluator forwardOnly(Simulator simulator, CircuitSpec spec, int circuits) {
        return simulator instanceof DensityMatrixSimulator d ? d.forwardOnly(spec, circuits)
                : simulator.evaluator(spec, circuits);
    }

    @Override
    public void forward(double[] in, int rows, double[] w, double[] output) {
        base.forward(in, rows, w, output);
        int inLength = rows * circuits * spec.inputWidth();
        input = Arrays.copyOf(in, inLength);
        weights = Arrays.copyOf(w, circuits * spec.weightCount());
        batch = rows;
    }

    @Override
    public void backward(double[] gradOutput, double[] gradInput, double[] gradWeights) {
        if (batch < 0) {
            throw new IllegalStateException("backward needs a forward first, and runs once per forward");
        }
        weightGradients(gradOutput, gradWeights);
        if (spec.embedding() == Embedding.AMPLITUDE) {
            amplitudeGradients(gradOutput, gradInput);
        } else {
            angleGradients(gradOutput, gradInput);
        }
        batch = -1;
    }

    private void weightGradients(double[] gradOutput, double[] gradWeights) {
        int q = spec.qubits();
        int wc = spec.weightCount();
        int outLength = batch * circuits * q;
        double[] plus = new double[outLength];
        double[] minus = new double[outLength];
        double[] w = weights.clone();
        for (int k = 0; k < wc; k++) {
            evaluateShifted(w, k, SHIFT, plus);
            evaluateShifted(w, k, -SHIFT, minus);
            for (int c = 0; c < circuits; c++) {
                double s = 0;
                for (int b = 0; b < batch; b++) {
                    int o = (b * circuits + c) * q;
                    for (int j = 0; j < q; j++) {
                        s += gradOutput[o + j] * (plus[o + j] - minus[o + j]);
                    }
                }
                gradWeights[c * wc + k] += s / 2;
            }
        }
    }

    /** The outputs with weight k of every circuit shifted by {@code by} (w is restored). */
    private void evaluateShifted(double[] w, int k, double by, double[] out) {
        int wc = spec.weightCount();
        for (int c = 0; c < circuits; c++) {
            w[c * wc + k] += by;
        }
        shifted.forward(input, batch, w, out);
        for (int c = 0; c < circuits; c++) {
            w[c * wc + k] = weights[c * wc + k];
        }
        sample(out, batch * circuits * spec.qubits());
    }

    private void sample(double[] values, int count) {
        if (shots != null) {
            shots.apply(values, count);
        }
    }

    /**
     * Row (b, a, sign) of the shifted inputs holds, for every circuit, the state prepared with angle a of that row's
     * preparation shifted by sign * pi/2 (a unit vector, so the embedding takes it as it is).
     */
    private void amplitudeGradients(double[] gradOutput, double[] gradInput) {
        int q = spec.qubits();
        int n = spec.dimension();
        int na = StatePreparation.angleCount(q);
        double[] angles = new double[batch * circuits * na];
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < circuits; c++) {
                StatePreparation.angles(input, (b * circuits + c) * n, q, angles, (b * circuits + c) * na);
            }
        }
        double[] dTheta = new double[batch * circuits * na];
        double[] theta = new double[na];
        shiftedRows(na, (b, a, by, rows, off) -> {
            for (int c = 0; c < circuits; c++) {
                System.arraycopy(angles, (b * circuits + c) * na, theta, 0, na);
                theta[a] += by;
                StatePreparation.prepare(theta, q, rows, off + c * n);
            }
        }, gradOutput, dTheta);
        double[] d = new double[na];
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < circuits; c++) {
                int o = (b * circuits + c) * n;
                System.arraycopy(dTheta, (b * circuits + c) * na, d, 0, na);
                StatePreparation.inputGradient(input, o, q, d, gradInput, o);
            }
        }
    }

    /** Row (b, wire, sign): every circuit's input angles with that wire's shifted; the gradient lands in place. */
    private void angleGradients(double[] gradOutput, double[] gradInput) {
        int q = spec.qubits();
        int width = circuits * q;
        Arrays.fill(gradInput, 0, batch * width, 0.0);
        shiftedRows(q, (b, wire, by, rows, off) -> {
            System.arraycopy(input, b * width, rows, off, width);
            for (int c = 0; c < circuits; c++) {
                rows[off + c * q + wire] += by;
            }
        }, gradOutput, gradInput);
    }

    /** Writes the input row of shift k (sign in {@code by}) of batch row b into {@code rows[off..]}. */
    private interface ShiftedRow {
        void fill(int b, int k, double by, double[] rows, int off);
    }

    /**
     * Evaluates the {@code batch * shifts * 2} shifted input rows, {@link #CHUNK_ROWS} at a time, each estimated from
     * shots when there are any, and adds (E(+pi/2) - E(-pi/2)) / 2 weighted by dL/doutput into
     * {@code acc[(b * circuits + c) * shifts + k]}.
     */
    private void shiftedRows(int shifts, ShiftedRow fill, double[] gradOutput, double[] acc) {
        int q = spec.qubits();
        int width = circuits * spec.inputWidth();
        int total = batch * shifts * 2;
        int chunk = Math.min(CHUNK_ROWS, total);
        double[] rows = new double[chunk * width];
        double[] out = new double[chunk * circuits * q];
        for (int from = 0; from < total; from += chunk) {
            int m = Math.min(chunk, total - from);
            for (int r = 0; r < m; r++) {
                int row = from + r;
                fill.fill(row / (2 * shifts), (row / 2) % shifts, row % 2 == 0 ? SHIFT : -SHIFT, rows, r * width);
            }
            shiftedRows.forward(rows, m, weights, out);
            sample(out, m * circuits * q);
            for (int r = 0; r < m; r++) {
                int row = from + r;
                int b = row / (2 * shifts);
                int k = (row / 2) % shifts;
                double sign = row % 2 == 0 ? 0.5 : -0.5;
                for (int c = 0; c < circuits; c++) {
                    int g = (b * circuits + c) * q;
                    double s = 0;
                    for (int j = 0; j < q; j++) {
                        s += gradOutput[g + j] * out[(r * circuits + c) * q + j];
                    }
                    acc[(b * circuits + c) * shifts + k] += sign * s;
                }
            }
        }
    }
}
