package org.hqcm.engine.internal.data.dicom;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DICOM files made by other software, for tests: python3-pydicom's test files and DCMTK's compressors
 * (releng/scripts/install-test-data.sh installs both). A test that needs a missing one is skipped with the reason.
 */
final class RealDicomFiles {
    static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final String INSTALL = " (run releng/scripts/install-test-data.sh)";

    private RealDicomFiles() {
    }

    /** A file of python3-pydicom's test set; skips the test when it is not installed. */
    static Path pydicom(String name) {
        Path p = PYDICOM.resolve(name);
        assumeTrue(Files.isRegularFile(p), "python3-pydicom's test file " + p + " is missing" + INSTALL);
        return p;
    }

    /** Runs a DCMTK tool (dcmcjpeg, dcmcrle, ...) that writes {@code out}; skips the test when DCMTK is missing. */
    static Path dcmtk(Path out, String tool, String... args) throws IOException, InterruptedException {
        Path exe = Path.of("/usr/bin", tool);
        assumeTrue(Files.isExecutable(exe), "DCMTK's " + tool + " is missing" + INSTALL);
        List<String> cmd = new ArrayList<>(List.of(exe.toString()));
        cmd.addAll(List.of(args));
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isRegularFile(out)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " failed: " + log);
        }
        return out;
    }
}
