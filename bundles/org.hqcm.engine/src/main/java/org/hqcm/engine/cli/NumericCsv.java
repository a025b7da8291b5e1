package org.hqcm.engine.cli;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hqcm.engine.BadInputException;
import org.hqcm.engine.IoMessages;
import org.hqcm.engine.internal.io.CsvFormats;
import org.hqcm.engine.internal.io.Utf8Lines;

/**
 * Reads a headerless CSV of finite numbers with a fixed number of columns ({@link CsvFormats#USER_NUMBERS}); blank
 * lines are skipped. Every problem is a {@link BadInputException} naming the file, the line and what was expected.
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
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file")
                        + "; expected a CSV file of rows " + expected);
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(file + ": " + Files.size(file) + " bytes, more than the " + MAX_BYTES
                        + " read; expected a CSV file of rows " + expected);
            }
            text = Utf8Lines.text(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + IoMessages.reason(e) + "); expected a CSV file of rows "
                    + expected, e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<double[]> rows = new ArrayList<>();
        boolean first = true;
        try (CSVParser parser = CsvFormats.USER_NUMBERS.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (cells.size() == 1 && cells.get(0).isEmpty()) {
                    continue;
                }
                int line = lineOf(text, record.getCharacterPosition());
                if (first && header != null
                        && String.join(",", cells).replace(" ", "").toLowerCase(Locale.ROOT).equals(header)) {
                    first = false;
                    continue;
                }
                first = false;
                rows.add(row(file, line, cells, columns, expected));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(file + ": not a CSV file (" + e.getMessage() + "); expected rows " + expected, e);
        }
        return rows.toArray(new double[0][]);
    }

    private static double[] row(Path file, int line, List<String> cells, int columns, String expected) {
        if (cells.size() != columns) {
            throw new BadInputException(file + " line " + line + ": " + cells.size() + " value"
                    + (cells.size() == 1 ? "" : "s") + ", expected " + columns + " comma-separated numbers ("
                    + expected + ")");
        }
        double[] row = new double[columns];
        for (int c = 0; c < columns; c++) {
            String cell = cells.get(c);
            double v;
            try {
                v = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            // Java also reads "1d" and "1f"; a CSV of numbers does not hold them
            if (!Double.isFinite(v) || cell.isEmpty() || Character.isLetter(cell.charAt(cell.length() - 1))) {
                throw new BadInputException(file + " line " + line + " column " + (c + 1) + ": '" + cell
                        + "' is not a finite number; expected " + expected);
            }
            row[c] = v;
        }
        return row;
    }

    /** The 1-based line of the character at {@code position}. */
    private static int lineOf(String text, long position) {
        int line = 1;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
