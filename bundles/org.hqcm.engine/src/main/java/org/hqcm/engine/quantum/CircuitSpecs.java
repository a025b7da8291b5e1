package org.hqcm.engine.quantum;

import org.hqcm.engine.BadInputException;
import org.hqcm.model.QuantumHead;

/**
 * The circuit an experiment's quantum head describes: the one mapping from the model's head to the simulators'
 * {@link CircuitSpec}, for runs, the CLI's circuit commands, reports and the IDE's circuit view (which has no ND4J,
 * so this lives here and not with the network's mapping).
 */
public final class CircuitSpecs {

    private CircuitSpecs() {
    }

    /** The circuit of a quantum head, with its noise and gradient method. */
    public static CircuitSpec of(QuantumHead q) {
        Embedding embedding = switch (q.getEmbedding()) {
            case AMPLITUDE -> Embedding.AMPLITUDE;
            case ANGLE -> Embedding.ANGLE;
        };
        Pauli measurement = switch (q.getMeasurement()) {
            case PAULI_X -> Pauli.X;
            case PAULI_Y -> Pauli.Y;
            case PAULI_Z -> Pauli.Z;
        };
        switch (q.getEntangler()) {
            case STRONGLY_ENTANGLING -> {
            }
            case BASIC_ENTANGLING -> throw new BadInputException("architecture.head.entangler: " + q.getEntangler()
                    + " is not implemented by the engine; expected STRONGLY_ENTANGLING");
        }
        GradientMethod gradient = switch (q.getGradientMethod()) {
            case ADJOINT -> GradientMethod.ADJOINT;
            case PARAMETER_SHIFT -> GradientMethod.PARAMETER_SHIFT;
        };
        return new CircuitSpec(q.getQubits(), q.getLayers(), embedding, measurement, q.getShots(), noise(q), gradient);
    }

    /** The head's noise channels and readout error. */
    public static NoiseModel noise(QuantumHead q) {
        double[] readout = q.getReadoutError().stream().mapToDouble(Double::doubleValue).toArray();
        return new NoiseModel(q.getDepolarizing(), q.getAmplitudeDamping(), q.getPhaseDamping(), readout);
    }
}
