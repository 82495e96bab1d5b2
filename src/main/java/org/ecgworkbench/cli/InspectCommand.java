package org.ecgworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.DxEntry;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.PlainNumber;
import org.ecgworkbench.record.Sex;
import org.ecgworkbench.record.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inspect FILE}: reads one record and describes it. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Read one ECG record and describe it: rate, length, leads and their calibration, "
                + "demographics, diagnoses, and any warnings.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the record was read", "2:the record is unreadable (the message names the file and field)"})
public final class InspectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the .hea, the .mat/.dat, or the record path without extension")
    Path file;

    @Mixin
    JsonOption json;

    @Mixin
    ReadOptionsMixin read;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EcgRecord record = EcgRecordReader.read(file, read.readOptions());
        PrintWriter out = spec.commandLine().getOut();
        out.println(json.requested() ? Json.write(toJson(record, DiagnosisCatalogue.standard())) : toText(record, DiagnosisCatalogue.standard()));
        out.flush();
        return ExitCodes.OK;
    }

    static ObjectNode toJson(EcgRecord r, DiagnosisCatalogue catalogue) {
        ObjectNode o = Json.object();
        o.put("id", r.id());
        Json.putNumber(o, "fs", r.fs());
        o.put("samples", r.samples());
        o.put("duration_s", r.durationSeconds());
        if (r.age().isPresent()) Json.putNumber(o, "age", r.age().getAsDouble());
        else o.putNull("age");
        if (r.sex().isPresent()) o.put("sex", r.sex().get().label());
        else o.putNull("sex");
        ArrayNode leads = o.putArray("leads");
        for (Lead lead : r.leads()) {
            ObjectNode l = leads.addObject();
            l.put("name", lead.name());
            Json.putNumber(l, "gain", lead.gain());
            l.put("baseline", lead.baseline());
            l.put("units", lead.units());
            lead.adcMin().ifPresentOrElse(v -> l.put("adc_min", v), () -> l.putNull("adc_min"));
            lead.adcMax().ifPresentOrElse(v -> l.put("adc_max", v), () -> l.putNull("adc_max"));
            lead.checksumOk().ifPresentOrElse(v -> l.put("checksum_ok", v), () -> l.putNull("checksum_ok"));
        }
        ArrayNode dx = o.putArray("dx");
        for (String raw : r.dx()) {
            DxEntry e = catalogue.resolve(raw);
            ObjectNode d = dx.addObject();
            d.put("code", e.code().orElse(raw));
            e.diagnosis().ifPresentOrElse(diag -> d.put("abbrev", diag.abbreviation()), () -> d.putNull("abbrev"));
            e.diagnosis().ifPresentOrElse(diag -> d.put("name", diag.name()), () -> d.putNull("name"));
            d.put("scored", e.isScored());
        }
        o.put("gain_corrected", r.gainCorrected());
        ArrayNode warnings = o.putArray("warnings");
        r.warnings().forEach(warnings::add);
        return o;
    }

    static String toText(EcgRecord r, DiagnosisCatalogue catalogue) {
        StringBuilder sb = new StringBuilder();
        sb.append(TerminalText.inert(r.id())).append("  (").append(TerminalText.inert(r.source())).append(")\n");
        sb.append(String.format(Locale.ROOT, "  %s, %s Hz, %s (%.2f s)%n",
                Plural.of(r.leads().size(), "lead"), PlainNumber.format(r.fs()), Plural.of(r.samples(), "sample"), r.durationSeconds()));
        sb.append("  age ").append(r.age().isPresent() ? PlainNumber.format(r.age().getAsDouble()) : "unknown")
                .append(", sex ").append(r.sex().map(Sex::label).orElse("unknown")).append('\n');
        if (r.dx().isEmpty()) sb.append("  diagnoses: none in the header\n");
        for (String raw : r.dx()) {
            DxEntry e = catalogue.resolve(raw);
            sb.append(String.format(Locale.ROOT, "  dx %-10s %-7s %s%s%n", TerminalText.inert(e.code().orElse(raw)),
                    e.diagnosis().map(d -> d.abbreviation()).orElse("?"),
                    e.diagnosis().map(d -> d.name()).orElse(e.status() == DxEntry.Status.UNKNOWN_CODE ? "(code not in the catalogue)" : "(unrecognised)"),
                    e.isScored() ? "  [scored]" : ""));
        }
        sb.append(String.format(Locale.ROOT, "  %-6s %10s %8s %-6s %8s %8s %9s %8s%n",
                "lead", "gain/mV", "baseline", "units", "adc_min", "adc_max", "p-p (mV)", "checksum"));
        for (Lead l : r.leads()) {
            sb.append(String.format(Locale.ROOT, "  %-6s %10s %8d %-6s %8s %8s %9.3f %8s%n", TerminalText.inert(l.name()),
                    Double.isFinite(l.gain()) ? PlainNumber.format(l.gain()) : "-", l.baseline(), TerminalText.inert(l.units()),
                    l.adcMin().map(String::valueOf).orElse("-"), l.adcMax().map(String::valueOf).orElse("-"),
                    l.peakToPeak(), l.checksumOk().map(ok -> ok ? "ok" : "MISMATCH").orElse("-")));
        }
        sb.append("  gain corrected: ").append(r.gainCorrected() ? "yes (CinC 2020 gain correction)" : "no").append('\n');
        for (String w : r.warnings()) sb.append("  warning: ").append(TerminalText.inert(w)).append('\n');
        return sb.toString().stripTrailing();
    }
}
