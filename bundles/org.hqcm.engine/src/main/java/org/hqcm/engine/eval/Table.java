package org.hqcm.engine.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.hqcm.engine.internal.io.CsvFormats;

/**
 * A rectangular table of already formatted cells with a header row, written as GitHub Markdown or as CSV
 * (RFC 4180, by Commons CSV). Immutable.
 */
public record Table(List<String> header, List<List<String>> rows) {

    public Table {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        List<List<String>> copy = new ArrayList<>();
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("row " + r + " has " + r.size() + " cells for " + header.size() + " columns");
            }
            copy.add(List.copyOf(r));
        }
        header = List.copyOf(header);
        rows = List.copyOf(copy);
    }

    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        sb.append('|');
        for (int i = 0; i < header.size(); i++) {
            sb.append(i == 0 ? ":---|" : "---:|");
        }
        sb.append('\n');
        for (List<String> r : rows) {
            line(sb, r);
        }
        return sb.toString();
    }

    /** RFC 4180 ({@link CsvFormats#TABLE}): CRLF line ends, fields quoted where they need it. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(sb, CsvFormats.TABLE)) {
            csv.printRecord(header);
            for (List<String> r : rows) {
                csv.printRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        sb.append('\n');
    }

}
