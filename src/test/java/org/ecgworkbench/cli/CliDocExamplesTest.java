package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParseResult;

/**
 * Runs every example of {@code docs/cli.md}, in order, so the page cannot go stale. An example is a
 * {@code $ ecg-workbench ARGS [> FILE]} line inside a {@code ```console} block; the lines after it (up to
 * the next {@code $} line or the block's end) are what it prints. Each example runs in-process in one
 * scratch folder holding {@code samples/} (the bundled sample records) and {@code demo.ecgmodel} (the
 * bundled model): every argument picocli types as a path is resolved against that folder. Every example
 * must exit with 0, or with N where the output shown ends in a line {@code [exit N]}. Shown JSON must parse, and every key it shows must be in the real output at the same
 * place; shown text lines must each match a line of the real output, where {@code …} stands for anything.
 */
class CliDocExamplesTest {
    private static final Path DOC = Path.of("docs/cli.md");
    private static final String PROMPT = "$ ecg-workbench";
    private static final Pattern EXIT = Pattern.compile("\\[exit (\\d+)]");

    @TempDir
    Path work;

    /** One {@code $ ecg-workbench …} line and the output shown under it. */
    record Example(int line, List<String> args, String redirect, List<String> shown) {
    }

    @SlowTest
    @Test
    void everyExampleRunsAndPrintsWhatThePageShows() throws IOException {
        List<Example> examples = examples(Files.readAllLines(DOC));
        assertThat(examples).as("examples in " + DOC).hasSizeGreaterThanOrEqualTo(10);
        Set<String> commands = new HashSet<>();
        examples.forEach(e -> commands.add(e.args().get(0)));
        assertThat(commands).as("every command has an example")
                .containsAll(EcgWorkbenchCommand.commandLine().getSubcommands().keySet());

        copyFolder(Path.of("resources/samples"), work.resolve("samples"));
        Files.copy(Path.of("resources/models/demo-resnet18-w025.ecgmodel"), work.resolve("demo.ecgmodel"));

        for (Example e : examples) {
            String where = DOC + ":" + e.line() + " `" + String.join(" ", e.args()) + "`";
            String[] args = resolvePaths(e.args());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = EcgWorkbenchCommand.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            List<String> shown = new ArrayList<>(e.shown());
            int expectedCode = 0;
            while (!shown.isEmpty() && shown.get(shown.size() - 1).isBlank()) shown.remove(shown.size() - 1);
            if (!shown.isEmpty() && EXIT.matcher(shown.get(shown.size() - 1).strip()).matches()) {
                var m = EXIT.matcher(shown.remove(shown.size() - 1).strip());
                m.matches();
                expectedCode = Integer.parseInt(m.group(1));
            }
            assertThat(code).as(where + " exit code; stderr: " + err).isEqualTo(expectedCode);
            if (e.redirect() != null) Files.writeString(work.resolve(e.redirect()), out.toString());
            checkShownOutput(where, shown, out.toString());
        }
    }

    static List<Example> examples(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        boolean inConsole = false;
        Example current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!inConsole) {
                inConsole = line.strip().equals("```console");
                continue;
            }
            if (line.strip().equals("```")) {
                inConsole = false;
                current = null;
            } else if (line.startsWith(PROMPT + " ")) {
                List<String> tokens = new ArrayList<>(List.of(line.substring(PROMPT.length()).trim().split("\\s+")));
                String redirect = null;
                int gt = tokens.indexOf(">");
                if (gt >= 0) {
                    redirect = tokens.get(gt + 1);
                    tokens = tokens.subList(0, gt);
                }
                current = new Example(i + 1, List.copyOf(tokens), redirect, new ArrayList<>());
                examples.add(current);
            } else if (current != null) {
                current.shown().add(line);
            }
        }
        return examples;
    }

    /** Every argument picocli would turn into a {@code Path} becomes an absolute path in the scratch folder. */
    private String[] resolvePaths(List<String> args) {
        ParseResult parsed = EcgWorkbenchCommand.commandLine().parseArgs(args.toArray(String[]::new));
        Set<String> paths = new HashSet<>();
        // Down to the last subcommand: `runs list --workspace DIR` has its options one level deeper.
        for (ParseResult sub = parsed.subcommand(); sub != null; sub = sub.subcommand()) {
            for (ArgSpec a : sub.matchedArgs()) {
                boolean isPath = a.type() == Path.class || List.of(a.auxiliaryTypes()).contains(Path.class);
                if (isPath) paths.addAll(a.originalStringValues());
            }
        }
        return args.stream().map(a -> paths.contains(a) ? resolveList(a) : a).toArray(String[]::new);
    }

    private String resolveList(String value) {
        List<String> parts = new ArrayList<>();
        for (String p : value.split(",")) parts.add(Path.of(p).isAbsolute() ? p : work.resolve(p).toString());
        return String.join(",", parts);
    }

    private static void checkShownOutput(String where, List<String> shown, String actual) throws IOException {
        List<String> lines = shown.stream().filter(s -> !s.isBlank()).toList();
        if (lines.isEmpty()) return;
        String first = lines.get(0).strip();
        if (first.startsWith("{") || first.startsWith("[")) {
            JsonNode expected = Json.MAPPER.readTree(String.join("\n", lines));
            JsonNode real = Json.MAPPER.readTree(actual);
            assertKeys(where, "$", expected, real);
            return;
        }
        List<String> actualLines = actual.lines().toList();
        for (String s : lines) {
            Pattern p = Pattern.compile(String.join(".*", Stream.of(s.strip().split("…", -1)).map(Pattern::quote).toList()));
            assertThat(actualLines.stream().anyMatch(a -> p.matcher(a.strip()).matches()))
                    .as(where + ": shown line «" + s + "» not in the output:\n" + actual).isTrue();
        }
    }

    private static void assertKeys(String where, String path, JsonNode expected, JsonNode real) {
        if (expected.isObject()) {
            assertThat(real.isObject()).as(where + " " + path + " is an object in " + real).isTrue();
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                assertThat(real.has(key)).as(where + " " + path + "." + key + " in the real output").isTrue();
                assertKeys(where, path + "." + key, expected.get(key), real.get(key));
            }
        } else if (expected.isArray()) {
            assertThat(real.isArray()).as(where + " " + path + " is an array").isTrue();
            if (!expected.isEmpty()) {
                assertThat(real.size()).as(where + " " + path + " has elements").isPositive();
                assertKeys(where, path + "[0]", expected.get(0), real.get(0));
            }
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
    }
}
