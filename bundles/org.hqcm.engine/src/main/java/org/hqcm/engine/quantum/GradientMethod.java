package org.hqcm.engine.quantum;

/** How the quantum layer computes the gradients of its circuits. */
public enum GradientMethod {
    /**
     * The adjoint method of the simulator: exact, one backward sweep. With shots it is the gradient of the exact
     * expectations (the sampling noise is treated as additive).
     */
    ADJOINT,
    /**
     * Parameter shift, as on hardware: every parameter of a Pauli rotation gets the two circuits with the parameter
     * shifted by +-pi/2, each estimated with the circuit's shots. The input gradient of amplitude embedding shifts the
     * RY angles of its Mottonen state preparation ({@link StatePreparation}); angle embedding shifts its RY angles.
     */
    PARAMETER_SHIFT
}
