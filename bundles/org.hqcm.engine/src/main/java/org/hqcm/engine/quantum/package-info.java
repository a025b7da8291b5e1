/**
 * The quantum processing layer of the hybrid network: one circuit definition ({@link org.hqcm.engine.quantum.CircuitSpec}:
 * amplitude or angle embedding, PennyLane's StronglyEntanglingLayers, a Pauli measurement on every wire, its
 * {@link org.hqcm.engine.quantum.NoiseModel}, shots and {@link org.hqcm.engine.quantum.GradientMethod}), three simulators
 * behind {@link org.hqcm.engine.quantum.Simulator} (an exact batched state-vector simulator with adjoint gradients, an
 * exact batched density-matrix simulator with the noise channels and adjoint gradients through them, and the Strange
 * library's own simulator), parameter-shift gradients, and {@link org.hqcm.engine.quantum.QuantumLayer}, the layer the
 * network calls. For devices: {@link org.hqcm.engine.quantum.HardwareCircuit} (the gates, with the amplitude embedding
 * as a Mottonen {@link org.hqcm.engine.quantum.StatePreparation}), {@link org.hqcm.engine.quantum.Qasm} (OpenQASM 2/3)
 * and {@link org.hqcm.engine.quantum.CircuitResources}; for trainability {@link org.hqcm.engine.quantum.GradientVariance}.
 *
 * <p>Conventions, all PennyLane's: wire 0 is the most significant bit of a basis-state index;
 * {@code RZ(a) = diag(e^{-ia/2}, e^{ia/2})}, {@code RY(a) = [[cos a/2, -sin a/2], [sin a/2, cos a/2]]},
 * {@code Rot(phi, theta, omega) = RZ(omega) RY(theta) RZ(phi)}; layer {@code l} applies Rot on every wire and then
 * {@code CNOT(i, (i + r) mod q)} for {@code i = 0..q-1} with {@code r = (l mod (q-1)) + 1} (no CNOT when q = 1).
 * Noise channels are PennyLane's DepolarizingChannel, AmplitudeDamping and PhaseDamping, after every gate on the wires it
 * touches (see {@link org.hqcm.engine.quantum.NoiseModel} for the exact placement and order).
 *
 * <p>API: circuit specs ({@link org.hqcm.engine.quantum.CircuitSpecs} maps a model's quantum head) and the simulators.
 * May use: the JDK, Strange (org.redfx), the model and the engine's exceptions; not ND4J (the network hands it host
 * arrays).
 */
package org.hqcm.engine.quantum;
