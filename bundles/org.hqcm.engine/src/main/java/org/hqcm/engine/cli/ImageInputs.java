package org.hqcm.engine.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.data.BadFile;
import org.hqcm.engine.internal.data.SafePaths;
import org.hqcm.engine.internal.data.folder.ImageFolderReader;

/**
 * Image files named on the command line: a file as it is, a folder as the image files under it (PNG, JPEG, DICOM by
 * their extension, tumour masks left out as an image folder leaves them out; sorted by path; links that lead out of
 * the folder refused, links to folders not followed), at
 * most {@value #MAX_IMAGES} in all so that memory and time stay bounded.
 */
final class ImageInputs {

    /** The most images one command reads (a 128 px image is kept in 32 kB: 320 MB at most). */
    static final int MAX_IMAGES = 10_000;

    /** Files found and files refused (links out of a folder). */
    record Found(List<Path> files, List<BadFile> refused) {
    }

    private ImageInputs() {
    }

    static Found expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        List<BadFile> refused = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                Path root = SafePaths.realRoot(p, "image folder");
                List<Path> found;
                try {
                    found = SafePaths.walk(root, root, ImageInputs::isImage, refused);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
                }
                if (found.isEmpty()) {
                    throw new BadInputException(p + ": no image file in the folder (expected .png, .jpg, .jpeg, .dcm or "
                            + ".dicom files)");
                }
                // named as given (the folder's path, not its real path)
                found.forEach(f -> files.add(p.resolve(root.relativize(f))));
            } else {
                files.add(p);
            }
            if (files.size() > MAX_IMAGES) {
                throw new BadInputException(p + ": more than " + MAX_IMAGES + " image files in all; expected at most "
                        + MAX_IMAGES + " (give a smaller folder)");
            }
        }
        return new Found(List.copyOf(files), List.copyOf(refused));
    }

    /** An image folder's image (not a mask: {@link ImageFolderReader#isImage}) or a DICOM file. */
    static boolean isImage(Path p) {
        String n = SafePaths.lowerName(p);
        return ImageFolderReader.isImage(p) || n.endsWith(".dcm") || n.endsWith(".dicom");
    }
}
