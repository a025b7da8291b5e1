package org.hqcm.engine.internal.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a UTF-8 text file, where bytes that are not UTF-8 are an error naming the line and the bytes
 * ({@code Files.readAllLines} only says "Input length = 1").
 */
public final class Utf8Lines {

    private Utf8Lines() {
    }

    /** The file's text, its lines joined by '\n'; bytes that are not UTF-8 are an IOException naming line and column. */
    public static String text(Path file) throws IOException {
        return String.join("\n", read(file));
    }

    /** The file's lines (without line ends); a malformed byte gives an IOException "line N: bytes 0x.. are not UTF-8". */
    public static List<String> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<String> lines = new ArrayList<>();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                if (i < bytes.length || end > start) {
                    lines.add(decode(decoder, bytes, start, end, lines.size() + 1));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private static String decode(CharsetDecoder decoder, byte[] bytes, int from, int to, int line) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        try {
            CharBuffer out = decoder.reset().decode(in);
            return out.toString();
        } catch (CharacterCodingException e) {
            // decode() leaves the buffer where the malformed input starts
            int at = in.position();
            StringBuilder hex = new StringBuilder();
            for (int k = at; k < Math.min(to, at + 4); k++) {
                hex.append(hex.length() == 0 ? "0x" : " 0x").append(String.format("%02X", bytes[k] & 0xFF));
            }
            throw new IOException("line " + line + ", column " + (at - from + 1) + ": bytes " + hex
                    + " are not UTF-8 text", e);
        }
    }
}
