package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Issue 14, point 4: every numeric option of every command has a documented range, checked before the
 * command does any work (exit 2, naming the option and the range). Walks picocli's model, so an option
 * added without a {@link Range} fails here.
 */
class OptionRangesTest {

    @TempDir
    Path tmp;

    /** Every numeric option of every command, with its command's name. */
    private static List<Numeric> numericOptions() {
        List<Numeric> all = new ArrayList<>();
        for (CommandLine sub : EcgWorkbenchCommand.commandLine().getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            for (OptionSpec o : spec.options()) {
                if (OptionRanges.isNumeric(o)) all.add(new Numeric(spec.name(), o));
            }
            assertThat(spec.positionalParameters()).as(spec.name()).noneMatch(OptionRanges::isNumeric);
        }
        return all;
    }

    private record Numeric(String command, OptionSpec option) {
        Range range() {
            Optional<Range> r = OptionRanges.of(option);
            assertThat(r).as(command + " " + option.longestName() + " has no @Range").isPresent();
            return r.get();
        }

        String described() {
            return OptionRanges.describe(range(), option.type());
        }

        boolean integral() {
            return !described().startsWith("(") && !described().startsWith("[");
        }

        /** Values just outside the range (and non-finite ones for decimals). */
        List<String> outside() {
            Range r = range();
            BigDecimal min = new BigDecimal(r.min());
            BigDecimal max = new BigDecimal(r.max());
            List<String> values = new ArrayList<>();
            if (integral()) {
                values.add(min.subtract(BigDecimal.ONE).add(r.minExclusive() ? BigDecimal.ONE : BigDecimal.ZERO).toPlainString());
                values.add(max.add(BigDecimal.ONE).subtract(r.maxExclusive() ? BigDecimal.ONE : BigDecimal.ZERO).toPlainString());
            } else {
                values.add(r.minExclusive() ? r.min() : min.subtract(new BigDecimal("0.001")).toPlainString());
                values.add(r.maxExclusive() ? r.max() : max.add(new BigDecimal("0.001")).toPlainString());
                values.add("NaN");
                values.add("Infinity");
            }
            return values;
        }
    }

    @Test
    void everyNumericOptionHasARangeThatItsHelpShowsAndItsDefaultMeets() {
        List<Numeric> all = numericOptions();
        assertThat(all).hasSizeGreaterThan(25); // bench, synth, preprocess, train
        for (Numeric n : all) {
            String where = n.command() + " " + n.option().longestName();
            assertThat(String.join(" ", n.option().description())).as(where + " help").contains(n.described());
            String dflt = n.option().defaultValue();
            if (dflt != null) {
                assertThat(OptionRanges.contains(n.range(), Double.valueOf(dflt))).as(where + " default " + dflt).isTrue();
            }
        }
    }

    @Test
    void everyValueOutsideItsRangeExitsTwoNamingTheOptionAndTheRange() {
        // One command line for all runs (picocli resets the options at each parse): building one per run is slow.
        CommandLine cl = EcgWorkbenchCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        for (Numeric n : numericOptions()) {
            for (String value : n.outside()) {
                String arg = n.option().longestName() + "=" + value;
                List<String> args = new ArrayList<>(List.of(n.command(), arg));
                args.addAll(requiredArguments(cl.getSubcommands().get(n.command()).getCommandSpec()));
                err.getBuffer().setLength(0);
                int code = cl.execute(args.toArray(String[]::new));
                assertThat(code).as(n.command() + " " + arg + ": " + err).isEqualTo(ExitCodes.BAD_INPUT);
                assertThat(err.toString()).as(n.command() + " " + arg)
                        .contains(n.option().longestName() + " must be in " + n.described() + ", got ");
            }
        }
    }

    /** Placeholders for what a command requires to parse at all (the range check follows parsing). */
    private static List<String> requiredArguments(CommandSpec spec) {
        List<String> args = new ArrayList<>();
        for (OptionSpec o : spec.requiredArgs().stream().filter(a -> a.isOption()).map(a -> (OptionSpec) a).toList()) args.add(o.longestName() + "=x");
        spec.positionalParameters().stream().filter(p -> p.required()).forEach(p -> args.add("x"));
        return args;
    }

    @Test
    void theDocumentedTableListsEveryVisibleRange() throws Exception {
        String doc = Files.readString(Path.of("docs/cli.md"));
        List<String> missing = new ArrayList<>();
        for (Numeric n : numericOptions()) {
            if (n.option().hidden()) continue;
            String row = "| " + n.command() + " | `" + n.option().longestName() + "` | " + n.described() + " |";
            if (!doc.contains(row)) missing.add(row);
        }
        assertThat(missing).as("rows missing from docs/cli.md's option ranges").isEmpty();
    }

    @Test
    void aHugeSynthCountIsRefusedBeforeAnythingIsWritten() {
        Path out = tmp.resolve("never");
        CliRunner r = CliRunner.run("synth", "--out", out.toString(), "--count", "2000000000");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--count must be in 1..1000000, got 2000000000");
        assertThat(out).doesNotExist();
    }

    @Test
    void aHugeBenchBatchIsRefusedBeforeTheNetworkIsBuilt() {
        CliRunner r = CliRunner.run("bench", "--batch", "1000000");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--batch must be in 1..1024, got 1000000");
    }

    @Test
    void helpStillWinsOverAnOutOfRangeValue() {
        CliRunner r = CliRunner.run("synth", "--count", "0", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--count");
    }
}
