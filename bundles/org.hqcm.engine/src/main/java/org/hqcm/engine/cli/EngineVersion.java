package org.hqcm.engine.cli;

import org.hqcm.engine.EngineInfo;

import picocli.CommandLine.IVersionProvider;

/** The engine's version for {@code hqcm --version}. */
public final class EngineVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String commit = EngineInfo.commit();
        return new String[] {"hqcm " + EngineInfo.version() + (commit.isEmpty() ? "" : " (" + commit + ")")};
    }
}
