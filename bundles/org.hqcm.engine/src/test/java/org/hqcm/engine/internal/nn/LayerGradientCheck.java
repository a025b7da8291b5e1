package org.hqcm.engine.internal.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Central finite differences against a layer's backward pass (DL4J's gradientcheck tests are the model): the scalar
 * L = sum(R * output) + sum(Rp * port) for fixed random R and Rp, so that backward(R) with Rp in the port is dL/d
 * everything. Parameters and (when the layer computes it) the input are checked at sampled positions.
 */
final class LayerGradientCheck {
    private final Layer layer;
    private final INDArray input;
    private Port port;
    private double h = 1e-6;
    private double relative = 1e-5;
    private double absolute = 1e-8;
    private int samplesPerArray = 6;

    private LayerGradientCheck(Layer layer, INDArray input) {
        this.layer = layer;
        this.input = input;
    }

    /** Checks {@code layer} (already initialised) on {@code input}. */
    static LayerGradientCheck of(Layer layer, INDArray input) {
        return new LayerGradientCheck(layer, input);
    }

    /** Also sends a gradient into {@code p} (a port of the layer). */
    LayerGradientCheck withPort(Port p) {
        this.port = p;
        return this;
    }

    /** Step and tolerances (for layers whose arithmetic is float somewhere: the quantum head). */
    LayerGradientCheck tolerances(double step, double rel, double abs) {
        this.h = step;
        this.relative = rel;
        this.absolute = abs;
        return this;
    }

    LayerGradientCheck samples(int perArray) {
        this.samplesPerArray = perArray;
        return this;
    }

    /** Runs the check; returns how many derivatives were compared. */
    int run() {
        Random pick = new Random(3);
        INDArray out = layer.forward(input, true);
        INDArray r = random(out.shape(), out.dataType(), 11);
        INDArray rp = null;
        if (port != null) {
            rp = random(port.value().shape(), port.value().dataType(), 12);
            port.gradient(rp);
        }
        INDArray dInput = layer.backward(r.dup());
        dInput = dInput == null ? null : dInput.dup();
        int checked = 0;
        for (Parameter p : layer.parameters()) {
            INDArray analytic = p.gradient().dup().reshape(p.size());
            checked += compare(p.name(), p.value().reshape(p.size()), analytic, r, rp, pick);
        }
        if (dInput != null) {
            checked += compare("input", input.reshape(input.length()), dInput.reshape(input.length()), r, rp, pick);
        }
        assertTrue(checked > 0, "nothing checked");
        return checked;
    }

    private int compare(String what, INDArray flat, INDArray analytic, INDArray r, INDArray rp, Random pick) {
        int n = (int) flat.length();
        int samples = Math.min(n, samplesPerArray);
        for (int s = 0; s < samples; s++) {
            int i = samples == n ? s : pick.nextInt(n);
            double v = flat.getDouble(i);
            flat.putScalar(i, v + h);
            double up = loss(r, rp);
            flat.putScalar(i, v - h);
            double down = loss(r, rp);
            flat.putScalar(i, v);
            layer.parametersChanged();
            double numeric = (up - down) / (2 * h);
            double a = analytic.getDouble(i);
            assertEquals(numeric, a, absolute + relative * Math.abs(numeric), layer.name() + " " + what + "[" + i + "]");
        }
        return samples;
    }

    private double loss(INDArray r, INDArray rp) {
        layer.parametersChanged();
        INDArray out = layer.forward(input, true);
        double l = out.castTo(DataType.DOUBLE).mul(r.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
        if (rp != null) {
            l += port.value().castTo(DataType.DOUBLE).mul(rp.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
        }
        return l;
    }

    /** A layer's parameters drawn as a network would draw them. */
    static <L extends Layer> L initialised(L layer, long seed) {
        layer.initialise(new SplittableRandom(seed));
        return layer;
    }

    /** {@code n} random single-channel images, a black frame 5 pixels wide in every other one (max-pooling ties). */
    static float[] pixels(int n, int size, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * size * size];
        for (int i = 0; i < x.length; i++) {
            int img = i / (size * size);
            int yy = i % (size * size) / size;
            int xx = i % size;
            boolean frame = img % 2 == 1 && (yy < 5 || yy >= size - 5 || xx < 5 || xx >= size - 5);
            x[i] = frame ? 0f : r.nextFloat();
        }
        return x;
    }

    /** Gaussian values of the given shape and type. */
    static INDArray random(long[] shape, DataType type, long seed) {
        Random r = new Random(seed);
        INDArray a = Nd4j.create(type, shape);
        double[] v = new double[(int) a.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        HostArrays.copyIn(v, a);
        return a;
    }
}
