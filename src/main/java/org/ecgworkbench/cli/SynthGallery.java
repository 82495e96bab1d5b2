package org.ecgworkbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecgworkbench.label.Diagnosis;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.synth.BeatSpec;
import org.ecgworkbench.synth.ClassSet;
import org.ecgworkbench.synth.RecordSpec;
import org.ecgworkbench.synth.SynthClass;
import org.ecgworkbench.synth.SynthesisSettings;
import org.ecgworkbench.synth.SyntheticEcg;
import org.ecgworkbench.synth.SyntheticEcgGenerator;

/**
 * One synthetic record per class drawn on ECG paper ({@code synth-AF.png}, ...), each record
 * number i of the classes in declaration order, so {@code synth --gallery DIR --seed S} always
 * draws the same pictures.
 */
final class SynthGallery {
    private SynthGallery() {
    }

    static List<Path> write(Path dir, SynthesisSettings settings, boolean replace) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        SynthClass[] classes = SynthClass.values();
        for (int i = 0; i < classes.length; i++) {
            SynthClass c = classes[i];
            SyntheticEcg ecg = SyntheticEcgGenerator.generate(settings, i, ClassSet.of(c));
            Path file = dir.resolve("synth-" + c.abbreviation() + ".png");
            SynthPaperImage.writePng(SynthPaperImage.render(ecg.record(), title(ecg, c)), file, replace);
            written.add(file);
        }
        return written;
    }

    static List<String> title(SyntheticEcg ecg, SynthClass c) {
        String name = DiagnosisCatalogue.standard().byCode(c.snomedCode()).map(Diagnosis::name).orElse(c.name());
        RecordSpec s = ecg.spec();
        BeatSpec b = s.beat();
        String first = String.format(Locale.ROOT, "%s (synthetic) - %s: %s, SNOMED CT %s", s.id(), c.abbreviation(), name,
                c.snomedCode());
        String second = String.format(Locale.ROOT,
                "as built: HR %.0f bpm, PR %s, QRS %.0f ms, QTc %.0f ms, axis %.0f deg; %s, %d y; seed %d, record %d",
                s.rhythm().heartRate(), Double.isNaN(b.prMs()) ? "-" : String.format(Locale.ROOT, "%.0f ms", b.prMs()),
                b.qrsMs(), b.qtcMs(), b.axisDegrees(), s.sex().label(), s.age(), s.settings().seed(), s.index());
        return List.of(first, second, "rule: " + c.rule());
    }
}
