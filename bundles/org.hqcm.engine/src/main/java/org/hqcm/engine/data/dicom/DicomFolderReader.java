package org.hqcm.engine.data.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.hqcm.engine.data.BadFile;
import org.hqcm.engine.data.ClassFolders;
import org.hqcm.engine.data.ClassFolders.ClassFolder;
import org.hqcm.engine.data.RawImage;
import org.hqcm.engine.data.SafePaths;
import org.hqcm.engine.data.SourceReader;

/**
 * DICOM files in class folders ({@code ROOT/<class>/**}, optionally under {@code Training/}, {@code Testing/}):
 * files named {@code *.dcm}, {@code *.dicom}, {@code *.ima}, or without extension (as scanners export them);
 * the patient is the file's PatientID.
 */
public final class DicomFolderReader implements SourceReader {
    private final Path realRoot;

    public DicomFolderReader(Path root) {
        this.realRoot = SafePaths.realRoot(root, "DICOM folder");
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

    @Override
    public RawImage read(Path file) throws IOException {
        ClassFolder cf = ClassFolders.of(realRoot, file)
                .orElseThrow(() -> new IOException("not inside a class folder of " + realRoot));
        SafePaths.requireInside(realRoot, file);
        DicomImage img = DicomParser.read(file);
        return new RawImage(img.columns(), img.rows(), img.pixels(), null, cf.tumourClass(), img.patientId(), file,
                cf.givenSplit());
    }
}
