package org.hqcm.engine.internal.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.hqcm.engine.BadInputException;

/**
 * The class-folder layout shared by image folders and DICOM: {@code ROOT/<class>/...}, optionally under
 * {@code ROOT/Training/} and {@code ROOT/Testing/} (merged; each image remembers which).
 */
public final class ClassFolders {

    /** A class folder found under the root. */
    public record ClassFolder(Path dir, TumourClass tumourClass, GivenSplit givenSplit) {
    }

    private ClassFolders() {
    }

    /** The class folders under {@code realRoot}; none at all is bad input naming the root. */
    public static List<ClassFolder> find(Path realRoot) throws IOException {
        return find(realRoot, new ArrayList<>());
    }

    /**
     * The class folders under {@code realRoot}; links to folders where a class or split folder would be are not
     * followed but added to {@code refused}, naming them (a dataset never reaches outside its root). None at all is
     * bad input naming the root.
     */
    public static List<ClassFolder> find(Path realRoot, List<BadFile> refused) throws IOException {
        List<ClassFolder> out = new ArrayList<>();
        List<Path> children = subfolders(realRoot, refused);
        boolean split = false;
        for (Path child : children) {
            Optional<GivenSplit> given = splitOf(child.getFileName().toString());
            if (given.isPresent()) {
                split = true;
                for (Path c : subfolders(child, refused)) {
                    TumourClass.fromAlias(c.getFileName().toString())
                            .ifPresent(tc -> out.add(new ClassFolder(c, tc, given.get())));
                }
            }
        }
        if (!split) {
            for (Path child : children) {
                TumourClass.fromAlias(child.getFileName().toString())
                        .ifPresent(tc -> out.add(new ClassFolder(child, tc, GivenSplit.NONE)));
            }
        }
        if (out.isEmpty()) {
            throw new BadInputException("no class folders under " + realRoot + (refused.isEmpty() ? ""
                    : " (not followed: " + refused.get(0) + ")")
                    + ": expected sub-folders named after the classes (healthy/notumor/no_tumor/normal, meningioma,"
                    + " glioma, pituitary, optionally with _tumor), directly or under Training/ and Testing/");
        }
        return out;
    }

    /** Files accepted by {@code accept} in every class folder under {@code realRoot} (see {@link SafePaths#walk}). */
    public static List<Path> files(Path realRoot, java.util.function.Predicate<Path> accept, List<BadFile> refused)
            throws IOException {
        List<Path> out = new ArrayList<>();
        for (ClassFolder cf : find(realRoot, refused)) {
            out.addAll(SafePaths.walk(realRoot, cf.dir(), accept, refused));
        }
        return out;
    }

    /** The class folder a file lies in (the nearest ancestor below the root that names a class). */
    public static Optional<ClassFolder> of(Path realRoot, Path file) {
        Path rel = realRoot.relativize(file.toAbsolutePath().normalize());
        GivenSplit given = GivenSplit.NONE;
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            String name = rel.getName(i).toString();
            Optional<GivenSplit> g = i == 0 ? splitOf(name) : Optional.empty();
            if (g.isPresent()) {
                given = g.get();
                continue;
            }
            Optional<TumourClass> tc = TumourClass.fromAlias(name);
            if (tc.isPresent()) {
                return Optional.of(new ClassFolder(realRoot.resolve(rel.subpath(0, i + 1)), tc.get(), given));
            }
        }
        return Optional.empty();
    }

    static Optional<GivenSplit> splitOf(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "training", "train" -> Optional.of(GivenSplit.TRAINING);
            case "testing", "test" -> Optional.of(GivenSplit.TESTING);
            default -> Optional.empty();
        };
    }

    private static List<Path> subfolders(Path dir, List<BadFile> refused) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(p);
                } else if (Files.isSymbolicLink(p) && Files.isDirectory(p)) {
                    String name = p.getFileName().toString();
                    if (TumourClass.fromAlias(name).isPresent() || splitOf(name).isPresent()) {
                        refused.add(new BadFile(p, "a link to a folder (" + Files.readSymbolicLink(p) + "): class "
                                + "folders are not followed through links; move or copy its images into the dataset"));
                    }
                }
            }
        }
        return out;
    }
}
