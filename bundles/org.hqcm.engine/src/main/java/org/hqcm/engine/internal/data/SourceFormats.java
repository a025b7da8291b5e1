package org.hqcm.engine.internal.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.hqcm.engine.BadInputException;

/** Guesses the kind of a source from what a path holds. */
public final class SourceFormats {
    private static final int MAX_LOOKED_AT = 2000;

    private SourceFormats() {
    }

    /**
     * A folder of mostly NIfTI files is MSD_TASK01 when it has {@code imagesTr/} and {@code labelsTr/}, else BRATS;
     * a folder of {@code .mat} files is FIGSHARE_MAT; a folder with class sub-folders holding {@code .dcm} (or
     * extension-less) files is DICOM, holding PNG/JPEG it is IMAGE_FOLDER.
     */
    public static SourceFormat infer(Path path) {
        if (!Files.isDirectory(path)) {
            throw new BadInputException("source " + path + " is not a folder (expected a dataset folder, or"
                    + " synthetic:N)");
        }
        int mat = 0;
        int dcm = 0;
        int img = 0;
        int nii = 0;
        try (Stream<Path> s = Files.walk(path, 4)) {
            for (Path p : (Iterable<Path>) s.limit(MAX_LOOKED_AT)::iterator) {
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                String n = SafePaths.lowerName(p);
                if (n.endsWith(".nii") || n.endsWith(".nii.gz")) {
                    nii++;
                } else if (n.endsWith(".mat")) {
                    mat++;
                } else if (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg")) {
                    img++;
                } else if (n.endsWith(".dcm") || n.endsWith(".dicom") || n.endsWith(".ima") || isDicm(p)) {
                    dcm++;
                }
            }
        } catch (IOException e) {
            throw new BadInputException("cannot look into source " + path + ": " + e.getMessage(), e);
        }
        if (nii > Math.max(mat, Math.max(img, dcm))) {
            return Files.isDirectory(path.resolve("imagesTr")) && Files.isDirectory(path.resolve("labelsTr"))
                    ? SourceFormat.MSD_TASK01 : SourceFormat.BRATS;
        }
        Optional<SourceFormat> kind = mat >= Math.max(img, dcm) && mat > 0 ? Optional.of(SourceFormat.FIGSHARE_MAT)
                : dcm > img ? Optional.of(SourceFormat.DICOM)
                : img > 0 ? Optional.of(SourceFormat.IMAGE_FOLDER) : Optional.empty();
        return kind.orElseThrow(() -> new BadInputException("cannot tell what kind of dataset " + path
                + " is: expected .mat files, class folders of PNG/JPEG images, class folders of DICOM files, or NIfTI"
                + " volumes (BraTS case folders, MSD imagesTr/ labelsTr/)"
                + " (or give --kind)"));
    }

    private static boolean isDicm(Path p) {
        if (SafePaths.lowerName(p).indexOf('.') >= 0) {
            return false;
        }
        byte[] head = new byte[132];
        try (var in = Files.newInputStream(p)) {
            return in.readNBytes(head, 0, 132) == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C'
                    && head[131] == 'M';
        } catch (IOException e) {
            return false;
        }
    }
}
