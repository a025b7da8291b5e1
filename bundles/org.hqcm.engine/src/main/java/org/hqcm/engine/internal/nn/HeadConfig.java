package org.hqcm.engine.internal.nn;

import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.Simulator;

/**
 * Configuration of the layer after the projection. The projection's width (2^q * c in the paper) is
 * part of it, so that a classical head can be built with exactly the quantum head's widths.
 */
public sealed interface HeadConfig permits HeadConfig.Classical, HeadConfig.Quantum {

    /** Width of z, the projection of the flattened attention output. */
    int projectionWidth();

    /** Width of the head's output, the classifier's input. */
    int outputWidth();

    /**
     * The quantum layer: {@code circuits} parallel circuits of {@code circuit}; the projection width is
     * circuits * 2^q (amplitude embedding) and the output width circuits * q.
     */
    record Quantum(CircuitSpec circuit, int circuits, Simulator simulator) implements HeadConfig {
        public Quantum {
            java.util.Objects.requireNonNull(circuit, "head.circuit");
            java.util.Objects.requireNonNull(simulator, "head.simulator");
            NetworkConfig.requirePositive("head.circuits", circuits);
        }

        @Override
        public int projectionWidth() {
            return circuits * circuit.inputWidth();
        }

        @Override
        public int outputWidth() {
            return circuits * circuit.outputWidth();
        }
    }

    /**
     * A dense layer projectionWidth -> width followed by an activation, on the projection cut into
     * {@code normalizedSlices} L2-normalised slices (0: the projection as it is).
     */
    record Classical(int projectionWidth, int width, ActivationFunction activation, int normalizedSlices)
            implements HeadConfig {
        public Classical {
            NetworkConfig.requirePositive("head.projectionWidth", projectionWidth);
            NetworkConfig.requirePositive("head.width", width);
            java.util.Objects.requireNonNull(activation, "head.activation");
        }

        @Override
        public int outputWidth() {
            return width;
        }
    }
}
