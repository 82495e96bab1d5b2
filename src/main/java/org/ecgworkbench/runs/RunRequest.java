package org.ecgworkbench.runs;

import java.util.List;
import java.util.Objects;

/**
 * A training run somebody asked for (the wizard, a sweep, a resume): a short label for the runs list
 * and the {@code train} command's arguments. The runs room adds {@code --out} (a new folder in the
 * workspace) and {@code --progress jsonl} itself, so the arguments must contain neither.
 *
 * @param label          e.g. "resnet34 · adam · lr 1e-3"
 * @param trainArguments the arguments after {@code train}, e.g. {@code --data /x --arch resnet18}
 */
public record RunRequest(String label, List<String> trainArguments) {
    public RunRequest {
        Objects.requireNonNull(label, "label");
        trainArguments = List.copyOf(trainArguments);
        for (String a : trainArguments) {
            if (a.equals("--out") || a.startsWith("--out=") || a.equals("--progress") || a.startsWith("--progress=")) {
                throw new IllegalArgumentException("the runs room sets " + a + " itself");
            }
        }
    }
}
