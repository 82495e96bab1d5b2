package org.ecgworkbench.measure.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * One annotated wave of one lead: onset {@code (}, peak and offset {@code )} sample numbers.
 * An onset or offset the annotator left out is -1.
 */
public record AnnotatedWave(WaveKind kind, long onset, long peak, long offset) {

    public boolean hasOnset() {
        return onset >= 0;
    }

    public boolean hasOffset() {
        return offset >= 0;
    }

    /**
     * Groups a lead's annotations into waves: each P/QRS/T peak mark takes the {@code (} just before it
     * and the {@code )} just after it. Marks of other codes are ignored.
     */
    public static List<AnnotatedWave> fromAnnotations(List<WfdbAnnotation> annotations) {
        List<AnnotatedWave> waves = new ArrayList<>();
        for (int i = 0; i < annotations.size(); i++) {
            WaveKind kind = WaveKind.ofPeakCode(annotations.get(i).code());
            if (kind == null) continue;
            long onset = i > 0 && annotations.get(i - 1).code() == AnnotationCodes.WAVE_ONSET
                    ? annotations.get(i - 1).sample() : -1;
            long offset = i + 1 < annotations.size() && annotations.get(i + 1).code() == AnnotationCodes.WAVE_OFFSET
                    ? annotations.get(i + 1).sample() : -1;
            waves.add(new AnnotatedWave(kind, onset, annotations.get(i).sample(), offset));
        }
        return waves;
    }
}
