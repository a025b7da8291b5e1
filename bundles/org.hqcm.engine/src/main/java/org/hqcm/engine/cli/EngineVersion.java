package org.hqcm.engine.cli;

import picocli.CommandLine.IVersionProvider;

/** The engine's version, from the jar manifest (bnd writes Bundle-Version). */
public final class EngineVersion implements IVersionProvider {

    /** The version string, or "dev" when running from classes outside a jar. */
    public static String get() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"hqcm " + get()};
    }
}
