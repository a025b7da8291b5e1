package org.hqcm.engine;

/**
 * What to tell the user when ND4J's native backend cannot start. The failure arrives as an Error thrown while
 * ND4J's classes initialise (ExceptionInInitializerError, later NoClassDefFoundError), with the missing library
 * only in its causes, so the causes are read for the one line that matters.
 */
public final class BackendFailure {

    private BackendFailure() {
    }

    /** Whether {@code e} is ND4J's backend failing to load rather than a fault of the command. */
    public static boolean isBackendFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsatisfiedLinkError || t.getClass().getName().endsWith("NoAvailableBackendException")
                    || String.valueOf(t.getMessage()).contains("org.nd4j.linalg.factory.Nd4j")) {
                return true;
            }
        }
        return false;
    }

    /** One message for this engine build: CUDA when ND4J's CUDA backend is on the class path. */
    public static String describe(Throwable e) {
        return describe(e, BackendFailure.class.getClassLoader()
                .getResource("org/nd4j/linalg/jcublas/JCublasBackend.class") != null);
    }

    /**
     * One message naming what failed and what to do. ND4J logs the UnsatisfiedLinkError of the library it could
     * not load itself and throws without it, so the library is named here only when the chain carries it.
     */
    public static String describe(Throwable e, boolean cudaBuild) {
        String link = null;
        String deepest = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsatisfiedLinkError && link == null) {
                link = t.getMessage();
            }
            if (t.getMessage() != null) {
                deepest = t.getMessage();
            }
        }
        String detail = link != null ? link : deepest != null ? deepest : e.toString();
        if (cudaBuild) {
            return "ND4J's CUDA backend could not start (" + detail + "). This engine was built with -Pcuda "
                    + "(nd4j-cuda-11.6), which needs an NVIDIA GPU with its driver (libcuda.so.1) and CUDA 11.6 "
                    + "with cuDNN 8.3. On a machine without them build the CPU backend: ./mvnw -B verify";
        }
        return "ND4J's native backend could not start (" + detail + "). Its libraries are unpacked into the "
                + "JavaCPP cache (~/.cache/hqcm/javacpp): delete that folder and run again; if that does not help, "
                + "rebuild the engine with ./mvnw -B verify";
    }
}
