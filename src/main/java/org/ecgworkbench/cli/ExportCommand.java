package org.ecgworkbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecgworkbench.record.wfdb.ChallengeRecordWriter;
import org.ecgworkbench.record.CsvRecordWriter;
import org.ecgworkbench.record.DiskSpace;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.mat.Mat5Writer;
import org.ecgworkbench.record.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code export FILE --to csv|mat|wfdb --out PATH}: writes a record's physical values in another format. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a record in another format: csv (time_s + one column per lead in mV), "
                + "mat (MATLAB v5: val in mV, fs, leads), or wfdb (challenge layout: .hea + MAT v4 .mat, int16). "
                + "Existing files are never replaced without --force; files are written to a temporary file "
                + "and renamed.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:unreadable input, or the output exists / is the input"})
public final class ExportCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { csv, mat, wfdb }

    @Parameters(paramLabel = "FILE", description = "the .hea, the .mat/.dat, or the record path without extension")
    Path file;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "csv, mat or wfdb")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "PATH",
            description = "output file (for wfdb the .hea; its stem names the record), or an existing folder")
    Path out;

    @Mixin
    ForceOption force;

    @Mixin
    ReadOptionsMixin read;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        EcgRecord record = EcgRecordReader.read(file, read.readOptions());
        RecordWarnings.print(spec.commandLine().getErr(), record);
        Path target = Files.isDirectory(out) ? out.resolve(record.id() + extension()) : out;
        List<Path> targets = format == Format.wfdb
                ? List.of(withExtension(target, ".hea"), withExtension(target, ".mat"))
                : List.of(target);
        DiskSpace.require(target, switch (format) {
            case csv -> CsvRecordWriter.estimatedBytes(record);
            case mat -> Mat5Writer.estimatedBytes(record);
            case wfdb -> ChallengeRecordWriter.estimatedBytes(record);
        }, "export");
        switch (format) {
            case csv -> CsvRecordWriter.write(record, target, force.replace());
            case mat -> Mat5Writer.write(target, record, force.replace());
            case wfdb -> ChallengeRecordWriter.write(record, targets.get(0), force.replace());
        }
        spec.commandLine().getOut().println("wrote " + TerminalText.inert(String.join(", ", targets.stream().map(Path::toString).toList())));
        return ExitCodes.OK;
    }

    private String extension() {
        return switch (format) {
            case csv -> ".csv";
            case mat -> ".mat";
            case wfdb -> ".hea";
        };
    }

    private static Path withExtension(Path p, String ext) {
        String name = p.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String stem = lower.endsWith(".hea") || lower.endsWith(".mat") ? name.substring(0, name.length() - 4) : name;
        return p.resolveSibling(stem + ext);
    }
}
