package org.hqcm.engine.internal.data.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hqcm.engine.internal.data.BadFile;
import org.hqcm.engine.internal.data.ClassFolders;
import org.hqcm.engine.internal.data.ClassFolders.ClassFolder;
import org.hqcm.engine.internal.data.LoadOptions;
import org.hqcm.engine.internal.data.RawImage;
import org.hqcm.engine.internal.data.SafePaths;
import org.hqcm.engine.internal.data.SourceReader;

/**
 * DICOM files in class folders ({@code ROOT/<class>/**}, optionally under {@code Training/}, {@code Testing/}):
 * files named {@code *.dcm}, {@code *.dicom}, {@code *.ima}, or without extension (as scanners export them);
 * the patient is the file's PatientID. A multi-frame file gives one image per frame; without a PatientID its frames
 * are grouped as one patient named by the file's path, so that the frames of one file never land in two splits.
 */
public final class DicomFolderReader implements SourceReader {
    private final Path realRoot;
    private final long maxPixels;

    /** A reader of {@code root} with the default pixel limit ({@link LoadOptions#DEFAULT_MAX_IMAGE_PIXELS}). */
    public DicomFolderReader(Path root) {
        this(root, LoadOptions.DEFAULT_MAX_IMAGE_PIXELS);
    }

    /** A reader of {@code root} that refuses files declaring more than {@code maxPixels} pixels (x frames). */
    public DicomFolderReader(Path root, long maxPixels) {
        this.realRoot = SafePaths.realRoot(root, "DICOM folder");
        this.maxPixels = maxPixels;
    }

    static boolean isDicomName(Path p) {
        String name = SafePaths.lowerName(p);
        if (name.startsWith(".") || name.equals("dicomdir")) {
            return false;
        }
        return name.endsWith(".dcm") || name.endsWith(".dicom") || name.endsWith(".ima") || name.indexOf('.') < 0;
    }

    @Override
    public List<Path> files(List<BadFile> refused) throws IOException {
        return ClassFolders.files(realRoot, DicomFolderReader::isDicomName, refused);
    }

    /** The first frame of {@code file}. */
    @Override
    public RawImage read(Path file) throws IOException {
        return readAll(file).get(0);
    }

    @Override
    public List<RawImage> readAll(Path file) throws IOException {
        ClassFolder cf = ClassFolders.of(realRoot, file)
                .orElseThrow(() -> new IOException("not inside a class folder of " + realRoot));
        Path real = SafePaths.requireInside(realRoot, file);
        DicomImage img = DicomParser.read(file, maxPixels);
        String patient = img.patientId();
        if (patient == null && img.frames().size() > 1) {
            patient = "file:" + realRoot.relativize(real);
        }
        List<RawImage> out = new ArrayList<>(img.frames().size());
        for (float[] frame : img.frames()) {
            out.add(new RawImage(img.columns(), img.rows(), frame, null, cf.tumourClass(), patient, file,
                    cf.givenSplit()));
        }
        return out;
    }
}
