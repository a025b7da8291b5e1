package org.hqcm.engine.internal.io;

import org.apache.commons.csv.CSVFormat;

/**
 * The CSV dialects of the engine, all Apache Commons CSV (RFC 4180 quoting: a field with a comma, quote or line break
 * is quoted, quotes doubled). One place, so that what the engine writes and what it reads back agree.
 */
public final class CsvFormats {

    /**
     * The run folder's files ({@code predictions.csv}, {@code jaccard.csv}): RFC 4180 with LF line ends, as these files
     * have always been written; blank lines are skipped when reading.
     */
    public static final CSVFormat RUN_FILE = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
            .setIgnoreEmptyLines(true).get();

    /** Report tables ({@code table1.csv}, exports): RFC 4180 as it stands, CRLF line ends. */
    public static final CSVFormat TABLE = CSVFormat.RFC4180;

    /** Numbers a user wrote (weights, inputs): spaces around fields ignored, blank lines skipped. */
    public static final CSVFormat USER_NUMBERS = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true)
            .setTrim(true).setIgnoreEmptyLines(true).get();

    private CsvFormats() {
    }
}
