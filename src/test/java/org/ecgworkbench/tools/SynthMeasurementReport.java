package org.ecgworkbench.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.synth.EcgMeasurements;
import org.ecgworkbench.synth.ReadBack;
import org.ecgworkbench.synth.RecordSpec;
import org.ecgworkbench.synth.RhythmSpec;
import org.ecgworkbench.synth.SynthClass;

/**
 * Prints a Markdown table of what the test detectors ({@link EcgMeasurements}) measure on
 * single-class records, written as challenge files and read back: median [min, max] over seeds
 * 1..N (record index = seed % 7, 500 Hz, 10 s, typical noise). Not a test; for docs/synthetic-ecg.md.
 * Run: {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.ecgworkbench.tools.SynthMeasurementReport 20}.
 */
public final class SynthMeasurementReport {
    private SynthMeasurementReport() {
    }

    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("synth-report");
        System.out.println("| class | HR error % | RR CV | QRS ms | PR ms | QTc ms | axis deg | max limb QRS mV | T in II mV |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (SynthClass c : SynthClass.values()) {
            List<EcgMeasurements.Measured> ms = new ArrayList<>();
            List<RecordSpec> specs = new ArrayList<>();
            for (int seed = 1; seed <= seeds; seed++) {
                ReadBack r = ReadBack.of(dir, c.abbreviation(), seed, seed % 7);
                EcgRecord rec = r.record();
                boolean low = c == SynthClass.LQRSV;
                ms.add(low ? EcgMeasurements.measure(rec, EcgMeasurements.rPeaksOnClearestLead(rec)) : EcgMeasurements.measure(rec));
                specs.add(r.spec());
            }
            boolean ectopic = c == SynthClass.PVC || c == SynthClass.VPB || c == SynthClass.PAC || c == SynthClass.SVPB;
            double[] hrError = new double[seeds];
            for (int i = 0; i < seeds; i++) {
                double hr = ectopic ? ms.get(i).medianHeartRate() : ms.get(i).heartRate();
                hrError[i] = 100 * (hr / specs.get(i).rhythm().heartRate() - 1);
            }
            boolean paced = c == SynthClass.PACED;
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", c.abbreviation(),
                    paced ? "(spikes)" : summary(hrError, "%.1f"),
                    summary(ms, EcgMeasurements.Measured::rrCv, "%.3f"),
                    paced ? "(spike)" : summary(ms, EcgMeasurements.Measured::qrsMs, "%.0f"),
                    specs.get(0).rhythm().kind() == RhythmSpec.Kind.SINUS ? summary(ms, EcgMeasurements.Measured::prMs, "%.0f") : "(no P)",
                    c == SynthClass.TAB ? "(flat T)" : paced ? "(spike)" : summary(ms, EcgMeasurements.Measured::qtcMs, "%.0f"),
                    summary(ms, EcgMeasurements.Measured::axisDegrees, "%.0f"),
                    summary(ms, EcgMeasurements.Measured::maxLimbQrsPeakToPeak, "%.2f"),
                    summary(ms, EcgMeasurements.Measured::tPeakII, "%.2f"));
        }
    }

    private static String summary(List<EcgMeasurements.Measured> ms, ToDoubleFunction<EcgMeasurements.Measured> f, String format) {
        return summary(ms.stream().mapToDouble(f).toArray(), format);
    }

    /** Formats without a minus sign on a value that rounds to zero. */
    private static String number(String format, double v) {
        String text = String.format(Locale.ROOT, format, v);
        return text.matches("-0(\\.0+)?") ? text.substring(1) : text;
    }

    private static String summary(double[] values, String format) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) return "-";
        return number(format, EcgMeasurements.median(v)) + " [" + number(format, v[0]) + ", "
                + number(format, v[v.length - 1]) + "]" + (v.length < values.length ? "*" : "");
    }
}
