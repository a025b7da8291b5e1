package org.hqcm.engine.quantum;

import java.util.Arrays;

import org.hqcm.engine.NonFiniteException;

/**
 * The embedded initial states of a tile's rows, shared by the state-vector and density-matrix evaluators so that both
 * embed (and differentiate the embedding) alike: {@link #state} is the real initial state {@code [amplitude][row]}
 * (amplitude embedding: the L2-normalised input; angle embedding: the product of RY(x_w)|0>).
 */
final class EmbeddedRows {

    private final CircuitSpec spec;
    private final int circuits;
    private final int circuit;
    private final int b0;
    private final int len;
    private final int q;
    private final int n;
    private final int inWidth;
    private final int[] masks;
    /** The real initial state, [amplitude][row]. */
    final double[][] state;
    /** 1 / input norm, or 0 for a zero row (amplitude embedding). */
    private final double[] invNorm;
    /** cos(x/2) and sin(x/2) per wire (angle embedding). */
    private final double[][] cosHalf;
    private final double[][] sinHalf;
    private final double[] column;
    private final double[] dot;

    EmbeddedRows(CircuitSpec spec, int circuits, int circuit, int b0, int len, int[] masks) {
        this.spec = spec;
        this.circuits = circuits;
        this.circuit = circuit;
        this.b0 = b0;
        this.len = len;
        this.q = spec.qubits();
        this.n = spec.dimension();
        this.inWidth = spec.inputWidth();
        this.masks = masks;
        state = new double[n][len];
        invNorm = new double[len];
        boolean angle = spec.embedding() == Embedding.ANGLE;
        cosHalf = angle ? new double[q][len] : null;
        sinHalf = angle ? new double[q][len] : null;
        column = new double[n];
        dot = new double[len];
    }

    /** Embeds rows [b0, b0 + len) of this circuit's input columns. */
    void embed(double[] input) {
        int stride = circuits * inWidth;
        if (spec.embedding() == Embedding.AMPLITUDE) {
            for (int b = 0; b < len; b++) {
                double norm = AmplitudeEmbedding.normalise(input, (b0 + b) * stride + circuit * inWidth, n, column);
                invNorm[b] = norm > 0 ? 1 / norm : 0;
                for (int i = 0; i < n; i++) {
                    state[i][b] = column[i];
                }
            }
            return;
        }
        for (int b = 0; b < len; b++) {
            for (int w = 0; w < q; w++) {
                double x = input[(b0 + b) * stride + circuit * inWidth + w];
                if (!Double.isFinite(x)) {
                    throw new NonFiniteException("angle embedding input " + w + " is " + x + ", expected a finite number");
                }
                cosHalf[w][b] = Math.cos(x / 2);
                sinHalf[w][b] = Math.sin(x / 2);
            }
        }
        for (int i = 0; i < n; i++) {
            double[] row = state[i];
            Arrays.fill(row, 0, len, 1.0);
            for (int w = 0; w < q; w++) {
                double[] f = (i & masks[w]) == 0 ? cosHalf[w] : sinHalf[w];
                for (int b = 0; b < len; b++) {
                    row[b] *= f[b];
                }
            }
        }
    }

    /**
     * dL/dinput from {@code lambda} [amplitude][row] with dL/d(initial state) = 2 lambda; written into this circuit's
     * columns of {@code gradInput}.
     */
    void inputGradient(double[][] lambda, double[] gradInput) {
        int stride = circuits * inWidth;
        if (spec.embedding() == Embedding.AMPLITUDE) {
            Arrays.fill(dot, 0, len, 0.0);
            for (int i = 0; i < n; i++) {
                double[] l = lambda[i], x = state[i];
                for (int b = 0; b < len; b++) {
                    dot[b] += 2 * l[b] * x[b];
                }
            }
            // through x^ = x / |x|: dL/dx = (g - (g . x^) x^) / |x|; zero rows have invNorm 0
            for (int b = 0; b < len; b++) {
                int o = (b0 + b) * stride + circuit * inWidth;
                double inv = invNorm[b];
                for (int i = 0; i < n; i++) {
                    gradInput[o + i] = inv == 0 ? 0 : (2 * lambda[i][b] - dot[b] * state[i][b]) * inv;
                }
            }
            return;
        }
        for (int b = 0; b < len; b++) {
            int o = (b0 + b) * stride + circuit * inWidth;
            for (int w = 0; w < q; w++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double prod = 2 * lambda[i][b];
                    for (int v = 0; v < q; v++) {
                        boolean one = (i & masks[v]) != 0;
                        if (v == w) {
                            prod *= one ? cosHalf[v][b] / 2 : -sinHalf[v][b] / 2;
                        } else {
                            prod *= one ? sinHalf[v][b] : cosHalf[v][b];
                        }
                    }
                    sum += prod;
                }
                gradInput[o + w] = sum;
            }
        }
    }
}
