package org.hqcm.engine.internal.data;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.hqcm.engine.BadInputException;

/**
 * Keeps a dataset inside its root: files reached through links, or names with {@code ..}, that resolve outside
 * the root are refused. Walks never follow directory links.
 */
public final class SafePaths {

    private SafePaths() {
    }

    /** The root as a real path; a missing or non-folder root is bad input. */
    public static Path realRoot(Path root, String what) {
        if (!Files.isDirectory(root)) {
            throw new BadInputException(what + " " + root + " is not a folder (expected a folder holding the dataset)");
        }
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new BadInputException(what + " " + root + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Resolves {@code relative} against {@code root} and returns its real path, or throws when it escapes the root
     * (by {@code ..} or by a link) or does not exist.
     */
    public static Path resolveInside(Path realRoot, Path base, String relative) throws IOException {
        Path p = base.resolve(relative).normalize();
        if (!p.toAbsolutePath().normalize().startsWith(realRoot)) {
            throw new IOException("path " + relative + " escapes the dataset root " + realRoot);
        }
        return requireInside(realRoot, p);
    }

    /** The real path of {@code file}, or an IOException naming it when it resolves outside {@code realRoot}. */
    public static Path requireInside(Path realRoot, Path file) throws IOException {
        Path real = file.toRealPath();
        if (!real.startsWith(realRoot)) {
            throw new IOException("refused: resolves to " + real + ", outside the dataset root " + realRoot);
        }
        return real;
    }

    /**
     * Regular files under {@code dir} (recursively, links to folders not followed) accepted by {@code accept},
     * sorted by path. Links that resolve outside {@code realRoot} are added to {@code refused}.
     */
    public static List<Path> walk(Path realRoot, Path dir, Predicate<Path> accept, List<BadFile> refused)
            throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, new FileVisitOption[0])) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (Files.isSymbolicLink(p)) {
                    try {
                        Path real = requireInside(realRoot, p);
                        if (Files.isRegularFile(real) && accept.test(p)) {
                            out.add(p);
                        }
                    } catch (IOException e) {
                        refused.add(new BadFile(p, "link " + (e.getMessage() == null ? e.toString() : e.getMessage())));
                    }
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && accept.test(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Lower-case file name. */
    public static String lowerName(Path p) {
        return p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
