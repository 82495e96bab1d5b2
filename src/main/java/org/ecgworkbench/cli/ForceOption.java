package org.ecgworkbench.cli;

import picocli.CommandLine.Option;

/**
 * {@code --force} of the commands that write files: an existing output is replaced only with it. The
 * description is the common one unless {@code options.properties} words it for a command.
 */
final class ForceOption {
    @Option(names = "--force", descriptionKey = "force", description = "replace existing output files")
    boolean force;

    boolean replace() {
        return force;
    }
}
