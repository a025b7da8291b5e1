package org.hqcm.engine.internal.nn;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.hqcm.engine.quantum.QuantumLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The quantum layer as the network's head, between the projection z (width 2^q * c) and the classifier. Its weights
 * are a network parameter like any other (double precision, so that the optimizer's updates are not rounded to
 * float); the value is copied into the layer's own array before each forward pass, which makes an optimizer step or
 * an import take effect. The weights start from the quantum layer's own seeded draw (uniform in [0, 2 pi), as
 * PennyLane), not from the network's random stream.
 */
final class QuantumHeadLayer implements Layer {
    private final QuantumLayer layer;
    private final DataType dataType;
    private final Parameter weights;
    private final double[] gradient;
    private int batch;

    QuantumHeadLayer(DataType dataType, QuantumLayer layer) {
        this.layer = layer;
        this.dataType = dataType;
        double[] initial = layer.parameters();
        weights = new Parameter("quantum.weights", Nd4j.createFromArray(initial.clone()));
        gradient = new double[initial.length];
    }

    /**
     * An estimate of the simulation's arithmetic: each single-qubit gate (a Rot as one 2x2 complex matrix) costs
     * 14 operations per amplitude (4 complex products and 2 sums per pair), the embedding's normalisation 3 and each
     * wire's expectation 4; a density matrix has 4^q entries and multiplies from both sides, parameter shift runs two
     * shifted circuits per weight, the adjoint method about three times the forward pass. CNOTs only move values.
     */
    @Override
    public LayerCost cost(int batch) {
        var spec = layer.spec();
        int q = spec.qubits();
        boolean density = layer.simulator() == org.hqcm.engine.quantum.Simulator.DENSITY_MATRIX;
        double entries = density ? Math.pow(4, q) : Math.pow(2, q);
        double perRow = (density ? 2 : 1) * 14.0 * entries * spec.layers() * q + 3.0 * entries + 4.0 * q * entries;
        double forward = perRow * batch * layer.circuits();
        double backward = spec.gradient() == org.hqcm.engine.quantum.GradientMethod.PARAMETER_SHIFT
                ? 2.0 * spec.weightCount() * forward : 3.0 * forward;
        double inputs = (double) batch * layer.inputWidth();
        double outputs = (double) batch * layer.outputWidth();
        double weights = layer.parameters().length;
        int e = dataType.width();
        return new LayerCost(forward, backward, e * (inputs + outputs) + Double.BYTES * weights,
                e * (outputs + 2 * inputs) + 2.0 * Double.BYTES * weights);
    }

    @Override
    public String name() {
        return "head";
    }

    /** True: the circuits keep their input in both modes. */
    @Override
    public boolean backwardAfterInference() {
        return true;
    }

    @Override
    public void initialise(SplittableRandom random) {
        // the quantum layer drew its weights from the network's seed when it was built
    }

    @Override
    public INDArray forward(INDArray z, boolean training) {
        parametersChanged();
        batch = (int) z.size(0);
        float[] out = layer.forward(HostArrays.toFloats(z), batch);
        INDArray result = Nd4j.create(dataType, batch, layer.outputWidth());
        HostArrays.copyIn(out, result);
        return result;
    }

    @Override
    public INDArray backward(INDArray dOut) {
        Arrays.fill(gradient, 0);
        float[] dz = layer.backward(HostArrays.toFloats(dOut), gradient);
        HostArrays.copyIn(gradient, weights.gradient());
        INDArray result = Nd4j.create(dataType, batch, layer.inputWidth());
        HostArrays.copyIn(dz, result);
        return result;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weights);
    }

    @Override
    public void parametersChanged() {
        double[] live = layer.parameters();
        double[] v = weights.value().data().asDouble();
        System.arraycopy(v, 0, live, 0, live.length);
    }
}
