package org.hqcm.model.resource;

import java.nio.file.Path;

/**
 * A model file that cannot be read or written: missing, not well-formed XML, not an HQCM model, or holding a
 * value of the wrong type. The message names the file, the line and column where known, and the problem.
 */
public class ModelFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;
    private final boolean writing;

    public ModelFileException(Path file, int line, int column, String problem, Throwable cause) {
        this(file, line, column, problem, cause, false);
    }

    private ModelFileException(Path file, int line, int column, String problem, Throwable cause, boolean writing) {
        super(format(file, line, column, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.writing = writing;
    }

    /** A file that could not be written (a full disk, a read-only folder): not the file's fault. */
    public static ModelFileException writing(Path file, String problem, Throwable cause) {
        return new ModelFileException(file, 0, 0, problem, cause, true);
    }

    /** True when the file could not be written; false when it could not be read or is not a valid model. */
    public boolean isWriting() {
        return writing;
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        this(file, 0, 0, problem, cause);
    }

    private static String format(Path file, int line, int column, String problem) {
        StringBuilder sb = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(problem).toString();
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }

    /** Line of the (first) problem, 1-based; 0 when unknown. */
    public int line() {
        return line;
    }

    /** Column of the (first) problem, 1-based; 0 when unknown. */
    public int column() {
        return column;
    }
}
