package org.hqcm.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackendFailureTest {

    /** The chain ND4J M2.1 throws on a machine without an NVIDIA driver, as seen with a -Pcuda build. */
    private static Error cudaWithoutDriver() {
        UnsatisfiedLinkError link = new UnsatisfiedLinkError("/root/.cache/hqcm/javacpp/cuda-11.6-8.3-1.5.7-linux-x86_64.jar"
                + "/org/bytedeco/cuda/linux-x86_64/libjnicudart.so: libcuda.so.1: cannot open shared object file");
        RuntimeException noBackend = new RuntimeException("Please ensure that you have an nd4j backend on your classpath");
        noBackend.initCause(link);
        return new ExceptionInInitializerError(noBackend);
    }

    @Test
    void aMissingCudaDriverNamesTheLibraryAndTheCpuBuild() {
        Error e = cudaWithoutDriver();
        assertTrue(BackendFailure.isBackendFailure(e));
        String m = BackendFailure.describe(e, true);
        assertTrue(m.contains("libcuda.so.1"), m);
        assertTrue(m.contains("-Pcuda") && m.contains("./mvnw -B verify"), m);
    }

    @Test
    void aLaterUseOfTheFailedClassCountsToo() {
        NoClassDefFoundError later = new NoClassDefFoundError("Could not initialize class org.nd4j.linalg.factory.Nd4j");
        assertTrue(BackendFailure.isBackendFailure(later));
        String m = BackendFailure.describe(later, false);
        assertTrue(m.contains("JavaCPP cache") && m.contains("Could not initialize class org.nd4j"), m);
        // this engine is the CPU build: its own class path decides which advice is given
        assertTrue(BackendFailure.describe(later).contains("JavaCPP cache"));
    }

    @Test
    void otherLinkageErrorsAreNotTakenForTheBackend() {
        assertFalse(BackendFailure.isBackendFailure(new NoClassDefFoundError("picocli/CommandLine")));
    }
}
