package org.hqcm.engine.quantum;

/** The observable measured on every wire: its expectation value is the circuit's output for that wire. */
public enum Pauli {
    X, Y, Z
}
