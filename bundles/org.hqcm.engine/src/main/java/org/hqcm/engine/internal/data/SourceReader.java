package org.hqcm.engine.internal.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads one kind of file source: lists its files, then reads each alone (possibly on several threads). */
public interface SourceReader {

    /**
     * The files to read, in a stable order. Files refused before reading (links out of the root, ...) are added
     * to {@code refused}.
     *
     * Problems of the source as a whole (no class folders, ...) are {@link org.hqcm.engine.BadInputException}s.
     */
    List<Path> files(List<BadFile> refused) throws IOException;

    /** Reads one file; any exception makes it a bad file whose reason is the exception's message. */
    RawImage read(Path file) throws Exception;

    /**
     * Reads every image of one file (a multi-frame DICOM file has one per frame); by default the one image of
     * {@link #read}. Any exception makes the whole file a bad file.
     */
    default List<RawImage> readAll(Path file) throws Exception {
        return List.of(read(file));
    }
}
