package org.hqcm.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

import org.hqcm.engine.quantum.CircuitSpec;

/**
 * The layout of the paper's circuit as columns of gates, independent of SWT so it can be tested headless:
 * one embedding column, then per layer a column of Rot gates followed by one column per CNOT of the ring,
 * then a measurement column.
 */
public final class CircuitDiagram {

    /** Kind of a column. */
    public enum Kind { EMBEDDING, ROT, CNOT, MEASURE }

    /** One column of the diagram; for CNOT, the control and target wire. */
    public record Column(Kind kind, int layer, int control, int target) {
    }

    private final CircuitSpec spec;
    private final List<Column> columns;

    public CircuitDiagram(CircuitSpec spec) {
        this.spec = spec;
        List<Column> cols = new ArrayList<>();
        cols.add(new Column(Kind.EMBEDDING, -1, -1, -1));
        for (int layer = 0; layer < spec.layers(); layer++) {
            cols.add(new Column(Kind.ROT, layer, -1, -1));
            for (int[] cnot : spec.cnots(layer)) {
                cols.add(new Column(Kind.CNOT, layer, cnot[0], cnot[1]));
            }
        }
        cols.add(new Column(Kind.MEASURE, -1, -1, -1));
        this.columns = List.copyOf(cols);
    }

    public CircuitSpec spec() {
        return spec;
    }

    public List<Column> columns() {
        return columns;
    }

    /** Number of columns of the given kind. */
    public long count(Kind kind) {
        return columns.stream().filter(c -> c.kind() == kind).count();
    }
}
