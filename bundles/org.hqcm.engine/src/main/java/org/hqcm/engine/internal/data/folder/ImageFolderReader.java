package org.hqcm.engine.internal.data.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.hqcm.engine.internal.data.BadFile;
import org.hqcm.engine.internal.data.ClassFolders;
import org.hqcm.engine.internal.data.ClassFolders.ClassFolder;
import org.hqcm.engine.internal.data.LoadOptions;
import org.hqcm.engine.internal.data.RawImage;
import org.hqcm.engine.internal.data.SafePaths;
import org.hqcm.engine.internal.data.SourceReader;

/**
 * {@code ROOT/<class>/*.png|jpg|jpeg} (class names with the public datasets' aliases, any case), optionally under
 * {@code Training/} and {@code Testing/}. A mask is {@code <name>_mask.png} beside the image or
 * {@code masks/<name>} (or {@code masks/<stem>.png}) in the class folder; white (> 127) is tumour.
 */
public final class ImageFolderReader implements SourceReader {
    private static final String MASK_SUFFIX = "_mask";

    private final Path realRoot;
    private final long maxPixels;

    /** A reader of {@code root} with the default pixel limit ({@link LoadOptions#DEFAULT_MAX_IMAGE_PIXELS}). */
    public ImageFolderReader(Path root) {
        this(root, LoadOptions.DEFAULT_MAX_IMAGE_PIXELS);
    }

    /** A reader of {@code root} that refuses images declaring more than {@code maxPixels} pixels. */
    public ImageFolderReader(Path root, long maxPixels) {
        this.realRoot = SafePaths.realRoot(root, "image folder");
        this.maxPixels = maxPixels;
    }

    @Override
    public List<Path> files(List<BadFile> refused) throws IOException {
        return ClassFolders.files(realRoot, ImageFolderReader::isImage, refused);
    }

    public static boolean isImage(Path p) {
        String name = SafePaths.lowerName(p);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String ext = name.substring(dot + 1);
        if (!ext.equals("png") && !ext.equals("jpg") && !ext.equals("jpeg")) {
            return false;
        }
        if (name.substring(0, dot).endsWith(MASK_SUFFIX)) {
            return false;
        }
        Path parent = p.getParent();
        return parent == null || !SafePaths.lowerName(parent).equals("masks");
    }

    @Override
    public RawImage read(Path file) throws IOException {
        ClassFolder cf = ClassFolders.of(realRoot, file)
                .orElseThrow(() -> new IOException("not inside a class folder of " + realRoot));
        SafePaths.requireInside(realRoot, file);
        GreyImages.Grey grey = GreyImages.read(file, maxPixels);
        byte[] mask = null;
        Path maskFile = findMask(file, cf.dir());
        if (maskFile != null) {
            GreyImages.Grey m;
            try {
                m = GreyImages.read(maskFile, maxPixels);
            } catch (IOException e) {
                throw new IOException("mask " + maskFile.getFileName() + ": " + e.getMessage(), e);
            }
            if (m.width() != grey.width() || m.height() != grey.height()) {
                throw new IOException("mask " + maskFile.getFileName() + " is " + m.width() + "x" + m.height()
                        + ", expected the image's size " + grey.width() + "x" + grey.height());
            }
            float max = 0;
            for (float v : m.pixels()) {
                max = Math.max(max, v);
            }
            float threshold = max > 255 ? 32767 : 127; // 16-bit masks
            mask = new byte[m.pixels().length];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = m.pixels()[i] > threshold ? (byte) 1 : 0;
            }
        }
        return new RawImage(grey.width(), grey.height(), grey.pixels(), mask, cf.tumourClass(), null, file,
                cf.givenSplit());
    }

    private Path findMask(Path image, Path classDir) throws IOException {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = name.substring(0, dot);
        String ext = name.substring(dot);
        Path dir = image.getParent();
        List<String> candidates = List.of(stem + MASK_SUFFIX + ".png", stem + MASK_SUFFIX + ext);
        for (String c : candidates) {
            Path p = dir.resolve(c);
            if (Files.exists(p)) {
                return SafePaths.requireInside(realRoot, p);
            }
        }
        Path masks = classDir.resolve("masks");
        if (Files.isDirectory(masks)) {
            for (String c : List.of(name, stem + ".png", stem.toLowerCase(Locale.ROOT) + ".png")) {
                if (Files.exists(masks.resolve(c))) {
                    return SafePaths.resolveInside(realRoot, masks, c);
                }
            }
        }
        return null;
    }
}
