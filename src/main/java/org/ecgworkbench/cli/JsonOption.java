package org.ecgworkbench.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json} of the commands that print JSON instead of text. The description is the common one
 * unless {@code options.properties} words it for a command (what that command's JSON holds).
 */
final class JsonOption {
    @Option(names = "--json", descriptionKey = "json", description = "print one JSON object instead of text")
    boolean json;

    boolean requested() {
        return json;
    }
}
