package org.hqcm.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.IoMessages;
import org.hqcm.engine.io.Utf8Lines;

/**
 * Reads a headerless CSV of finite numbers with a fixed number of columns; blank lines are skipped. Every problem is
 * a {@link BadInputException} naming the file, the line and what was expected.
 */
final class NumericCsv {

    private NumericCsv() {
    }

    /**
     * @param columns  values expected on every row
     * @param expected what a row should hold, for messages (e.g. "phi,theta,omega")
     * @param header   an optional first line to accept and skip (compared ignoring case and spaces), or null
     */
    /** Largest CSV read: 64 MB, a million rows of a 5-qubit circuit's 32 amplitudes. */
    static final long MAX_BYTES = 64L << 20;

    static double[][] read(Path file, int columns, String expected, String header) {
        List<String> lines;
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file")
                        + "; expected a CSV file of rows " + expected);
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(file + ": " + Files.size(file) + " bytes, more than the " + MAX_BYTES
                        + " read; expected a CSV file of rows " + expected);
            }
            lines = Utf8Lines.read(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + IoMessages.reason(e) + "); expected a CSV file of rows "
                    + expected, e);
        }
        List<double[]> rows = new ArrayList<>();
        boolean first = true;
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).strip();
            if (ln == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            if (first && header != null && line.replace(" ", "").toLowerCase(Locale.ROOT).equals(header)) {
                first = false;
                continue;
            }
            first = false;
            String[] cells = line.split(",", -1);
            if (cells.length != columns) {
                throw new BadInputException(file + " line " + (ln + 1) + ": " + cells.length + " value"
                        + (cells.length == 1 ? "" : "s") + ", expected " + columns + " comma-separated numbers ("
                        + expected + ")");
            }
            double[] row = new double[columns];
            for (int c = 0; c < columns; c++) {
                String cell = cells[c].strip();
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                if (!Double.isFinite(v) || cell.isEmpty() || Character.isLetter(cell.charAt(cell.length() - 1))) {
                    throw new BadInputException(file + " line " + (ln + 1) + " column " + (c + 1) + ": '" + cell
                            + "' is not a finite number; expected " + expected);
                }
                row[c] = v;
            }
            rows.add(row);
        }
        return rows.toArray(new double[0][]);
    }
}
