package org.hqcm.engine.internal.nn;

import java.util.List;
import java.util.SplittableRandom;

import org.hqcm.model.validation.HqcmConstraints;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * L2 normalisation of each of {@code slices} equal, consecutive parts of every row of an [N, W] matrix:
 * what the quantum layer's amplitude embedding does to each circuit's slice of the projection, given to
 * the classical head so that both heads see their input on the same scale.
 *
 * <p>Without it the classical counterpart of the quickstart stayed at chance in 3 of 7 seeds: AdamW moves
 * each of the projection's weights by about the learning rate per step whatever its gradient, the
 * projection's output grows by tens of times within the first epoch, and the dense layer saturates (tanh)
 * or dies (ReLU). The quantum head never saw this because its embedding discards the scale.
 *
 * <p>A zero slice stays zero and passes no gradient, as the quantum layer's embedding of a zero vector.
 */
final class SliceNormalisation implements Layer {
    private final int slices;
    private final int width;
    private double[] unit;
    private double[] norms;
    private int rows;

    /**
     * {@code slices} (at least 1: a head without normalisation has no such layer) equal parts of rows of {@code width}
     * values; the rule and its wording are HqcmConstraints'.
     */
    SliceNormalisation(int slices, int width) {
        if (slices < 1 || !HqcmConstraints.normalizedSlicesAllowed(slices, width)) {
            throw new IllegalArgumentException(HqcmConstraints.notAllowed("architecture.head.normalizedSlices", slices,
                    HqcmConstraints.normalizedSlicesExpected(width)));
        }
        this.slices = slices;
        this.width = width;
    }

    /** Each row divided by the L2 norm of each of its slices; floats in and out (doubles only in the cores). */
    @Override
    public LayerCost cost(int batch) {
        double values = (double) batch * width;
        return LayerCost.of(4.0 * values, true, Float.BYTES, values, 0, values);
    }

    @Override
    public String name() {
        return "head.normalisation";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public void initialise(SplittableRandom random) {
        // no parameters
    }

    @Override
    public INDArray forward(INDArray z, boolean training) {
        rows = (int) z.size(0);
        if (z.size(1) != width) {
            throw new IllegalArgumentException("expected rows of " + width + " values, got " + z.size(1));
        }
        int part = width / slices;
        double[] x = HostArrays.toDoubles(z);
        unit = new double[x.length];
        norms = new double[rows * slices];
        for (int s = 0; s < rows * slices; s++) {
            int off = s * part;
            double sq = 0;
            for (int i = 0; i < part; i++) {
                sq += x[off + i] * x[off + i];
            }
            double norm = Math.sqrt(sq);
            norms[s] = norm;
            for (int i = 0; i < part && norm > 0; i++) {
                unit[off + i] = x[off + i] / norm;
            }
        }
        return fromHost(unit, z.dataType());
    }

    /** dL/dz from dL/du: (du - u (u . du)) / |z| per slice. */
    @Override
    public INDArray backward(INDArray dUnit) {
        int part = width / slices;
        double[] du = HostArrays.toDoubles(dUnit);
        double[] dz = new double[du.length];
        for (int s = 0; s < rows * slices; s++) {
            if (norms[s] == 0) {
                continue;
            }
            int off = s * part;
            double dot = 0;
            for (int i = 0; i < part; i++) {
                dot += unit[off + i] * du[off + i];
            }
            for (int i = 0; i < part; i++) {
                dz[off + i] = (du[off + i] - unit[off + i] * dot) / norms[s];
            }
        }
        return fromHost(dz, dUnit.dataType());
    }

    private INDArray fromHost(double[] values, DataType type) {
        INDArray a = Nd4j.create(type, rows, width);
        HostArrays.copyIn(values, a);
        return a;
    }
}
