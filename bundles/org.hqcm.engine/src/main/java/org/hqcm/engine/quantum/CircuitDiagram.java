package org.hqcm.engine.quantum;

import java.util.ArrayList;
import java.util.List;

/**
 * A circuit as plain text, one line per wire, wire 0 on top (here 3 qubits, 2 layers):
 * <pre>
 * 0: -|Amp|--Rot--@-----X--Rot--@--X----- &lt;Y&gt;
 * 1: -|Amp|--Rot--X--@--|--Rot--|--@--X-- &lt;Y&gt;
 * 2: -|Amp|--Rot-----X--@--Rot--X-----@-- &lt;Y&gt;
 * </pre>
 * {@code @} is a CNOT's control, {@code X} its target, {@code |} a wire it crosses.
 */
public final class CircuitDiagram {

    private CircuitDiagram() {
    }

    /** The diagram; lines end with '\n'. */
    public static String text(CircuitSpec spec) {
        int q = spec.qubits();
        List<String[]> columns = new ArrayList<>();
        columns.add(fill(q, spec.embedding() == Embedding.AMPLITUDE ? "|Amp|" : "RY(x)"));
        for (int l = 0; l < spec.layers(); l++) {
            columns.add(fill(q, "Rot"));
            for (int[] cnot : spec.cnots(l)) {
                String[] col = fill(q, "-");
                int lo = Math.min(cnot[0], cnot[1]);
                int hi = Math.max(cnot[0], cnot[1]);
                for (int w = lo + 1; w < hi; w++) {
                    col[w] = "|";
                }
                col[cnot[0]] = "@";
                col[cnot[1]] = "X";
                columns.add(col);
            }
        }
        String label = "<" + spec.measurement() + ">";
        int labelWidth = String.valueOf(q - 1).length();
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < q; w++) {
            String name = String.valueOf(w);
            out.append(" ".repeat(labelWidth - name.length())).append(name).append(": -");
            for (String[] col : columns) {
                int width = 0;
                for (String s : col) {
                    width = Math.max(width, s.length());
                }
                String cell = col[w];
                int left = (width - cell.length()) / 2;
                out.append("-".repeat(left)).append(cell).append("-".repeat(width - cell.length() - left)).append("--");
            }
            out.append(" ").append(label).append('\n');
        }
        return out.toString();
    }

    private static String[] fill(int q, String s) {
        String[] col = new String[q];
        java.util.Arrays.fill(col, s);
        return col;
    }
}
