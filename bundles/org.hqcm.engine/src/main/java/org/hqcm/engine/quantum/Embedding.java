package org.hqcm.engine.quantum;

/** How a circuit loads its classical input. */
public enum Embedding {
    /**
     * The 2^q input values, L2-normalised, become the amplitudes of the initial state (wire 0 = most significant bit).
     * PennyLane raises on a zero vector; here a row whose norm is below {@link AmplitudeEmbedding#MIN_NORM} is
     * embedded as |0...0> and gets a zero input gradient (see {@link AmplitudeEmbedding}).
     */
    AMPLITUDE,
    /** q input values x_j, loaded as RY(x_j) on wire j of |0...0>. */
    ANGLE;

    /** Input values one circuit of {@code qubits} qubits takes. */
    public int inputWidth(int qubits) {
        return this == AMPLITUDE ? 1 << qubits : qubits;
    }
}
