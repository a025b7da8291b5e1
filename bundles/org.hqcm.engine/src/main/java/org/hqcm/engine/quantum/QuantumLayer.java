package org.hqcm.engine.quantum;

import java.util.SplittableRandom;

/**
 * The quantum processing layer: {@code circuits} parallel circuits of one {@link CircuitSpec}, circuit c applied to
 * columns {@code [c * spec.inputWidth(), (c+1) * spec.inputWidth())} of each input row, outputs concatenated
 * (circuit-major, wire 0 first). Weights are initialised uniformly in [0, 2 pi) as PennyLane's TorchLayer does.
 * With {@code spec.shots() > 0} the forward values carry seeded sampling noise; the backward pass then gives, with
 * {@link GradientMethod#ADJOINT}, the gradient of the exact expectations (the noise is treated as additive and
 * independent of the weights), or, with {@link GradientMethod#PARAMETER_SHIFT}, the parameter-shift estimate from
 * shifted circuits sampled with the same shot count ({@link ParameterShiftEvaluator}).
 * Not thread-safe; one per network.
 */
public final class QuantumLayer {

    private final CircuitSpec spec;
    private final int circuits;
    private final Simulator simulator;
    private final CircuitEvaluator evaluator;
    private final double[] parameters;
    private final ShotNoise noise;

    private double[] input = new double[0];
    private double[] output = new double[0];
    private double[] gradOutput = new double[0];
    private double[] gradInput = new double[0];
    private int lastBatch = -1;

    /**
     * @param seed initialises the weights and, with shots, the sampling noise (the same seed gives the same run)
     */
    public QuantumLayer(CircuitSpec spec, int circuits, Simulator simulator, long seed) {
        if (circuits < 1) {
            throw new IllegalArgumentException("circuits = " + circuits + ": expected at least 1");
        }
        this.spec = spec;
        this.circuits = circuits;
        this.simulator = simulator;
        SplittableRandom random = new SplittableRandom(seed);
        this.parameters = new double[circuits * spec.weightCount()];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = random.nextDouble() * 2 * Math.PI;
        }
        this.noise = spec.shots() > 0 ? new ShotNoise(spec.shots(), random.nextLong()) : null;
        this.evaluator = spec.gradient() == GradientMethod.PARAMETER_SHIFT
                ? new ParameterShiftEvaluator(simulator, spec, circuits,
                        spec.shots() > 0 ? new ShotNoise(spec.shots(), random.nextLong()) : null)
                : simulator.evaluator(spec, circuits);
    }

    public CircuitSpec spec() {
        return spec;
    }

    public int circuits() {
        return circuits;
    }

    public Simulator simulator() {
        return simulator;
    }

    /** circuits * spec.inputWidth(): 2^q per circuit for amplitude embedding, q for angle embedding. */
    public int inputWidth() {
        return circuits * spec.inputWidth();
    }

    /** circuits * q. */
    public int outputWidth() {
        return circuits * spec.qubits();
    }

    /** The live weights, layout [circuit][layer][wire][phi, theta, omega]; an optimiser updates them in place. */
    public double[] parameters() {
        return parameters;
    }

    /**
     * @param input row-major [batch][inputWidth]
     * @return [batch][outputWidth]; what backward needs is kept
     */
    public float[] forward(float[] input, int batch) {
        if (batch < 0 || input.length != batch * inputWidth()) {
            throw new IllegalArgumentException("forward: input has " + input.length + " values, expected batch " + batch
                    + " x " + inputWidth());
        }
        this.input = grow(this.input, input.length);
        for (int i = 0; i < input.length; i++) {
            this.input[i] = input[i];
        }
        int outLength = batch * outputWidth();
        output = grow(output, outLength);
        evaluator.forward(this.input, batch, parameters, output);
        if (noise != null) {
            noise.apply(output, outLength);
        }
        float[] result = new float[outLength];
        for (int i = 0; i < outLength; i++) {
            result[i] = (float) output[i];
        }
        lastBatch = batch;
        return result;
    }

    /**
     * @param gradOutput dL/doutput for the last forward, [batch][outputWidth]
     * @param gradParams dL/dparameters are ADDED into it (same layout as {@link #parameters()})
     * @return dL/dinput, [batch][inputWidth]
     */
    public float[] backward(float[] gradOutput, double[] gradParams) {
        if (lastBatch < 0) {
            throw new IllegalStateException("backward needs a forward first");
        }
        int outLength = lastBatch * outputWidth();
        if (gradOutput.length != outLength || gradParams.length != parameters.length) {
            throw new IllegalArgumentException("backward: gradOutput has " + gradOutput.length + " values, expected "
                    + outLength + "; gradParams " + gradParams.length + ", expected " + parameters.length);
        }
        this.gradOutput = grow(this.gradOutput, outLength);
        for (int i = 0; i < outLength; i++) {
            this.gradOutput[i] = gradOutput[i];
        }
        int inLength = lastBatch * inputWidth();
        gradInput = grow(gradInput, inLength);
        evaluator.backward(this.gradOutput, gradInput, gradParams);
        float[] result = new float[inLength];
        for (int i = 0; i < inLength; i++) {
            result[i] = (float) gradInput[i];
        }
        return result;
    }

    private static double[] grow(double[] buffer, int length) {
        return buffer.length >= length ? buffer : new double[length];
    }
}
