package org.djx.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the djx version from the jar manifest. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = DjxCommand.class.getPackage().getImplementationVersion();
        return new String[] {"djx " + (v == null ? "(development build)" : v)};
    }
}
