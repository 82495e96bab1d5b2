package org.ecgworkbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgworkbench.runs.RunWorkspace;
import picocli.CommandLine.Option;

/** {@code --workspace DIR} of the {@code runs} commands, and how they find a run in it. */
final class WorkspaceOption {

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "the workspace whose runs/ folder holds the runs (default: the workbench's: -Decg.workspace, "
                    + "else the one chosen in the app, else ~/ecg-workbench)")
    Path dir;

    RunWorkspace workspace() {
        return dir == null ? RunWorkspace.resolve() : new RunWorkspace(dir);
    }

    /** A run by its folder's name in the workspace ({@code 20261126-142501-resnet18}), or a run folder's path. */
    Path run(String run) throws IOException {
        RunWorkspace ws = workspace();
        Path named = ws.runs().resolve(run).normalize();
        if (named.getParent() != null && named.getParent().equals(ws.runs()) && Files.isDirectory(named)) return named;
        Path folder = Path.of(run).toAbsolutePath().normalize();
        if (Files.isDirectory(folder) && Files.exists(folder.resolve("config.json"))) return folder;
        throw new IOException(run + ": no such run in " + ws.runs() + " (give a run's name there, or a run folder)");
    }
}
