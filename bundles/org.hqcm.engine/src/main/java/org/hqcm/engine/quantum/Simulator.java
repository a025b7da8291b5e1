package org.hqcm.engine.quantum;

import java.util.Locale;

import org.hqcm.engine.BadInputException;

/** A way to evaluate circuits; an experiment picks one by {@link #id()}. */
public interface Simulator {

    /** The default: exact, batched, double precision, multithreaded, with adjoint gradients. */
    Simulator STATEVECTOR = new StateVectorSimulator();

    /** Runs each circuit as a Strange {@link org.redfx.strange.Program} (float precision, one input at a time). */
    Simulator STRANGE = new StrangeSimulator();

    /** The name used in experiment files and on the command line: {@code statevector} or {@code strange}. */
    String id();

    /** A new evaluator for {@code circuits} circuits of {@code spec}. */
    CircuitEvaluator evaluator(CircuitSpec spec, int circuits);

    /** The simulator named {@code id} (case-insensitive). */
    static Simulator forId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        if (key.equals(STATEVECTOR.id())) {
            return STATEVECTOR;
        }
        if (key.equals(STRANGE.id())) {
            return STRANGE;
        }
        throw new BadInputException("simulator '" + id + "': expected statevector or strange");
    }
}
