package org.hqcm.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * I/O failures in words. Java's file-system exceptions carry the path as their message and the reason apart
 * ({@code failed: /proc/x} said nothing); these helpers give "path: reason" with the reason the OS gave.
 */
public final class IoMessages {

    private IoMessages() {
    }

    /** Why the operation failed, without the path: "permission denied", "No space left on device", ... */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof FileSystemLoopException) {
            return "the links form a loop";
        }
        if (e instanceof NotLinkException) {
            return "not a link";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** "path: reason" (or "path -> other: reason" for a move or link). */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason(e);
        }
        return reason(e);
    }

    /** The description of an I/O failure anywhere in {@code t}'s causes, or null when it has none. */
    public static String describeCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UncheckedIOException u) {
                return describe(u.getCause());
            }
            if (c instanceof IOException io) {
                return describe(io);
            }
        }
        return null;
    }
}
