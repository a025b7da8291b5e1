package org.hqcm.engine.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Repairs a JSON-lines file (the run's {@code events.jsonl}) whose last line a killed process left half-written:
 * everything after the last newline is dropped, so the next appended line starts on a line of its own and every line
 * stays one complete JSON object. A separate step before the event writer opens the file (whatever writes the events).
 */
public final class TornLines {

    private static final int CHUNK = 1 << 16;

    private TornLines() {
    }

    /** Truncates {@code file} after its last newline; returns the bytes dropped (0 when intact, empty or missing). */
    public static long repair(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            long end = size;
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            while (end > 0) {
                long start = Math.max(0, end - CHUNK);
                buf.clear().limit((int) (end - start));
                while (buf.hasRemaining() && ch.read(buf, start + buf.position()) > 0) {
                    // read the whole chunk
                }
                for (int i = buf.position() - 1; i >= 0; i--) {
                    if (buf.get(i) == '\n') {
                        long keep = start + i + 1;
                        if (keep < size) {
                            ch.truncate(keep);
                        }
                        return size - keep;
                    }
                }
                end = start;
            }
            ch.truncate(0); // not one complete line
            return size;
        }
    }
}
