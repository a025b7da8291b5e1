package org.hqcm.engine.quantum;

import org.hqcm.engine.BadInputException;
import org.redfx.strange.Program;

/**
 * One circuit of the quantum layer as it is run: an embedding, {@code layers} StronglyEntanglingLayers on
 * {@code qubits} wires, and the expectation of {@code measurement} on every wire; the hardware noise after its gates
 * and at readout ({@link NoiseModel}); with {@code shots > 0} the layer adds the sampling noise of that many shots
 * per wire to the expectations; {@code gradient} says how the layer differentiates it.
 *
 * <p>Weights of one circuit are laid out {@code [layer][wire][phi, theta, omega]}.
 */
public record CircuitSpec(int qubits, int layers, Embedding embedding, Pauli measurement, int shots, NoiseModel noise,
        GradientMethod gradient) {

    /** Largest circuit the simulators accept: 2^16 amplitudes per input row. */
    public static final int MAX_QUBITS = 16;

    public CircuitSpec {
        if (qubits < 1 || qubits > MAX_QUBITS) {
            throw new BadInputException("qubits = " + qubits + ": expected 1.." + MAX_QUBITS);
        }
        if (layers < 1) {
            throw new BadInputException("layers = " + layers + ": expected at least 1");
        }
        if (embedding == null) {
            throw new BadInputException("embedding is missing: expected AMPLITUDE or ANGLE");
        }
        if (measurement == null) {
            throw new BadInputException("measurement is missing: expected X, Y or Z");
        }
        if (shots < 0) {
            throw new BadInputException("shots = " + shots + ": expected 0 (exact expectations) or a positive count");
        }
        if (noise == null) {
            throw new BadInputException("noise is missing: expected a noise model (NoiseModel.NONE for none)");
        }
        noise.checkWires(qubits);
        if (gradient == null) {
            throw new BadInputException("gradient method is missing: expected ADJOINT or PARAMETER_SHIFT");
        }
    }

    /** A noiseless circuit differentiated by the adjoint method. */
    public CircuitSpec(int qubits, int layers, Embedding embedding, Pauli measurement, int shots) {
        this(qubits, layers, embedding, measurement, shots, NoiseModel.NONE, GradientMethod.ADJOINT);
    }

    /** The paper's circuit: amplitude embedding, Pauli-Y on every wire, exact expectations. */
    public static CircuitSpec paper(int qubits, int layers) {
        return new CircuitSpec(qubits, layers, Embedding.AMPLITUDE, Pauli.Y, 0);
    }

    /** Input values per circuit: 2^q for amplitude embedding, q for angle embedding. */
    public int inputWidth() {
        return embedding.inputWidth(qubits);
    }

    /** Output values per circuit: one expectation per wire. */
    public int outputWidth() {
        return qubits;
    }

    /** Trainable weights per circuit: layers * qubits * 3. */
    public int weightCount() {
        return layers * qubits * 3;
    }

    /** Number of amplitudes of the state: 2^q. */
    public int dimension() {
        return 1 << qubits;
    }

    /** The CNOT range r of {@code layer}: CNOT(i, (i + r) mod q); 0 when q = 1 (the layer has no CNOT). */
    public int cnotRange(int layer) {
        return cnotRange(qubits, layer);
    }

    /** PennyLane's default StronglyEntanglingLayers range: (layer mod (q-1)) + 1, or 0 for a single wire. */
    public static int cnotRange(int qubits, int layer) {
        return qubits > 1 ? (layer % (qubits - 1)) + 1 : 0;
    }

    /** The CNOTs of {@code layer} in order, as {control, target} wire pairs (none when q = 1). */
    public int[][] cnots(int layer) {
        if (qubits == 1) {
            return new int[0][];
        }
        int r = cnotRange(layer);
        int[][] pairs = new int[qubits][];
        for (int i = 0; i < qubits; i++) {
            pairs[i] = new int[] {i, (i + r) % qubits};
        }
        return pairs;
    }

    /** The same circuit with another shot count. */
    public CircuitSpec withShots(int newShots) {
        return new CircuitSpec(qubits, layers, embedding, measurement, newShots, noise, gradient);
    }

    /** The same circuit with another noise model. */
    public CircuitSpec withNoise(NoiseModel newNoise) {
        return new CircuitSpec(qubits, layers, embedding, measurement, shots, newNoise, gradient);
    }

    /** The same circuit with another gradient method. */
    public CircuitSpec withGradient(GradientMethod newGradient) {
        return new CircuitSpec(qubits, layers, embedding, measurement, shots, noise, newGradient);
    }

    /** Gate and depth counts with the state preparation decomposed (see {@link CircuitResources}). */
    public CircuitResources resources() {
        return CircuitResources.of(this);
    }

    /**
     * The circuit as a Strange program for one input: state preparation, the layers, and the basis change that turns
     * the measurement into a Z measurement (read from the final probabilities). Strange numbers its qubits the other
     * way round (qubit 0 = least significant bit), so wire w is Strange qubit q-1-w and basis-state indices agree.
     *
     * @param weights this circuit's weights from {@code weightOffset}, layout [layer][wire][phi, theta, omega]
     * @param input   this circuit's {@link #inputWidth()} input values from {@code inputOffset}
     */
    public Program program(double[] weights, int weightOffset, double[] input, int inputOffset) {
        return StrangeCircuits.program(this, weights, weightOffset, input, inputOffset);
    }

    /** {@link #program(double[], int, double[], int)} with both offsets 0. */
    public Program program(double[] weights, double[] input) {
        return program(weights, 0, input, 0);
    }
}
