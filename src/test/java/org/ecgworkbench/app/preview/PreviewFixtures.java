package org.ecgworkbench.app.preview;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.LeadName;
import org.ecgworkbench.synth.ClassSet;
import org.ecgworkbench.synth.SynthClass;
import org.ecgworkbench.synth.SynthesisSettings;
import org.ecgworkbench.synth.SyntheticEcgGenerator;

/** Records for the preview tests: a small deterministic one and a synthetic 1000 Hz ECG. */
public final class PreviewFixtures {

    private PreviewFixtures() {
    }

    /**
     * Every lead a slow sine on a baseline that ramps up, so the first and last samples differ
     * (the FFT resampler's periodic assumption then rings at the edges) plus a lead-specific offset.
     */
    public static EcgRecord ramp(String id, double fs, int samples) {
        List<Lead> leads = new ArrayList<>();
        for (LeadName name : LeadName.values()) {
            float[] mv = new float[samples];
            for (int i = 0; i < samples; i++) {
                double t = i / fs;
                mv[i] = (float) (0.8 * Math.sin(2 * Math.PI * 1.3 * t) + 0.1 * t + 0.05 * name.ordinal());
            }
            leads.add(new Lead(name.label(), name.label(), 1000, 0, "mV", mv, null, Optional.empty()));
        }
        return new EcgRecord(id, Path.of(id + ".hea"), fs, leads, OptionalDouble.of(50), Optional.empty(), List.of(), false, List.of(),
                Optional.empty());
    }

    /** A synthetic sinus-rhythm ECG at 1000 Hz, 12 s, with 50 Hz mains hum (as {@code synth --fs 1000}). */
    public static EcgRecord synthetic1000Hz() {
        return SyntheticEcgGenerator.generate(new SynthesisSettings(7, 1000, 12, 1, 50), 0, ClassSet.of(SynthClass.NSR)).record();
    }
}
