package dev.mgmt.cli;

import dev.mgmt.process.Version;
import picocli.CommandLine.IVersionProvider;

/** What --version prints: mgmt's version and the Java runtime it runs on. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[]{
            "mgmt " + Version.number(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
