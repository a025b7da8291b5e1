package org.hqcm.engine.quantum;

import java.util.Locale;

import org.hqcm.engine.BadInputException;

/** A way to evaluate circuits; an experiment picks one by {@link #id()}. */
public interface Simulator {

    /** The default: exact, batched, double precision, multithreaded, with adjoint gradients. */
    Simulator STATEVECTOR = new StateVectorSimulator();

    /** Runs each circuit as a Strange {@link org.redfx.strange.Program} (float precision, one input at a time). */
    Simulator STRANGE = new StrangeSimulator();

    /** Exact density matrices with the circuit's noise channels, batched, with adjoint gradients through them. */
    Simulator DENSITY_MATRIX = new DensityMatrixSimulator();

    /** The name used on the command line: {@code statevector}, {@code strange} or {@code densitymatrix}. */
    String id();

    /** A new evaluator for {@code circuits} circuits of {@code spec}. */
    CircuitEvaluator evaluator(CircuitSpec spec, int circuits);

    /**
     * The simulator named {@code id}, ignoring case, '_' and '-' (so the model's literal DENSITY_MATRIX names
     * {@code densitymatrix}).
     */
    static Simulator forId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        for (Simulator s : new Simulator[] {STATEVECTOR, STRANGE, DENSITY_MATRIX}) {
            if (key.equals(s.id())) {
                return s;
            }
        }
        throw new BadInputException("simulator '" + id + "': expected statevector, strange or densitymatrix");
    }
}
