package org.hqcm.engine.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** What the run files look like and that what they hold reads back, whatever a source path contains. */
class CsvFormatsTest {

    @Test
    void runFilesQuoteOnlyWhatNeedsItEndLinesWithLfAndReadBack() throws IOException {
        List<String> plain = List.of("0", "synthetic", "1", "0.259612");
        List<String> odd = List.of("7", "/data/a, \"b\"\nc.png", "2", "-0.000001");
        StringBuilder text = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(text, CsvFormats.RUN_FILE)) {
            p.printRecord(plain);
            p.printRecord(odd);
        }
        assertEquals("0,synthetic,1,0.259612\n7,\"/data/a, \"\"b\"\"\nc.png\",2,-0.000001\n", text.toString());
        try (CSVParser parser = CsvFormats.RUN_FILE.parse(new StringReader(text + "\n"))) {
            List<CSVRecord> records = parser.getRecords();
            assertEquals(2, records.size(), "the blank line is skipped");
            assertEquals(plain, records.get(0).toList());
            assertEquals(odd, records.get(1).toList(), "a line break inside a path stays in its field");
        }
    }

    @Test
    void tablesAreRfc4180WithCrlf() throws IOException {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(text, CsvFormats.TABLE)) {
            p.printRecord("Class", "Δ F1");
            p.printRecord("a|b", "1,5");
        }
        assertEquals("Class,Δ F1\r\na|b,\"1,5\"\r\n", text.toString());
    }

    @Test
    void userNumbersAreTrimmedAndMayBeQuoted() throws IOException {
        try (CSVParser parser = CsvFormats.USER_NUMBERS.parse(new StringReader(" 1.5 , \"2\"\n\n3,4\n"))) {
            List<CSVRecord> records = parser.getRecords();
            assertEquals(List.of("1.5", "2"), records.get(0).toList());
            assertEquals(List.of("3", "4"), records.get(1).toList());
        }
    }
}
