package org.ecgworkbench.measure;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The beat-by-beat rhythm analysis: delineates every typed beat ({@link BeatDelineator}), looks for flutter
 * waves ({@link FlutterWaves}) and sums up the {@link Rhythm}. Each figure it cannot give is empty, with a warning.
 */
final class RhythmAnalyzer {

    /** Fewest RR intervals an RR variation is taken over. */
    static final int MIN_INTERVALS = 3;
    /** Below this share of beats with a P wave the atrial rate is not taken from P waves. */
    static final double MIN_P_SHARE = 0.5;

    private RhythmAnalyzer() {
    }

    /** The beats with their fiducials, and the rhythm. */
    record Result(List<Beat> beats, Rhythm rhythm) {
    }

    /**
     * @param filtered the leads after {@link MeasurementFilter}
     * @param typed    the typed beats ({@link BeatTyper})
     * @param medians  the median beats and their delineation, when there are any
     * @param warnings receives a "not measurable" line per missing figure
     */
    static Result analyse(LeadMatrix filtered, List<Beat> typed, Optional<MedianBeats> medians,
                          Optional<Delineation> delineation, List<String> warnings) {
        double fs = filtered.fs();
        List<Beat> beats = medians.isPresent() && delineation.isPresent()
                ? BeatDelineator.delineate(filtered, typed, medians.get(), delineation.get()) : typed;
        Map<BeatType, Integer> counts = new EnumMap<>(BeatType.class);
        for (Beat b : beats) counts.merge(b.type(), 1, Integer::sum);

        OptionalDouble rrVariation = rrVariation(beats);
        if (rrVariation.isEmpty()) {
            warnings.add("RR variation not measurable: fewer than " + (MIN_INTERVALS + 1)
                    + " consecutive beats outside ventricular and artefact beats");
        }
        int typedCount = 0;
        int paced = 0;
        int supraventricular = 0;
        int withP = 0;
        for (Beat b : beats) {
            if (b.type() == BeatType.ARTEFACT || b.type() == BeatType.UNTYPED) continue;
            typedCount++;
            if (b.type() == BeatType.PACED) paced++;
            if (b.type() == BeatType.VENTRICULAR_OR_WIDE || b.fiducials().isEmpty()) continue;
            supraventricular++;
            if (b.fiducials().get().hasP()) withP++;
        }
        OptionalDouble pacedFraction = typedCount == 0 ? OptionalDouble.empty() : OptionalDouble.of(paced / (double) typedCount);
        if (typedCount == 0) warnings.add("paced-beat fraction not measurable: no typed beats");
        OptionalDouble pFraction = supraventricular == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(withP / (double) supraventricular);
        if (pFraction.isEmpty()) warnings.add("P-wave fraction not measurable: no delineated beats of supraventricular form");

        boolean flutter = false;
        OptionalDouble atrialRate = OptionalDouble.empty();
        if (delineation.isPresent()) {
            FlutterWaves.Result f = FlutterWaves.find(filtered, beats);
            if (f.flutter()) {
                flutter = true;
                atrialRate = f.rateBpm();
            } else if (!f.measurable()) {
                warnings.add("flutter waves not measurable: " + f.reason());
            }
        } else {
            warnings.add("flutter waves not measurable: no median beat to delineate the beats with");
        }
        if (atrialRate.isEmpty() && pFraction.isPresent() && pFraction.getAsDouble() >= MIN_P_SHARE) {
            atrialRate = pWaveRate(beats, fs);
        }
        if (atrialRate.isEmpty()) {
            warnings.add(String.format(Locale.ROOT, "atrial rate not measurable: %s",
                    pFraction.isPresent() ? String.format(Locale.ROOT, "P waves before %.0f %% of the beats and no flutter waves",
                            100 * pFraction.getAsDouble()) : "no P waves or flutter waves found"));
        }
        return new Result(beats, new Rhythm(atrialRate, pFraction, rrVariation, flutter, pacedFraction, counts));
    }

    /**
     * Mean absolute successive RR difference over mean RR, artefacts dropped from the sequence and intervals
     * touching a ventricular beat left out (its coupling interval and compensatory pause would read as
     * irregularity).
     */
    static OptionalDouble rrVariation(List<Beat> beats) {
        List<Beat> kept = beats.stream().filter(b -> b.type() != BeatType.ARTEFACT).toList();
        List<Double> rr = new ArrayList<>();
        double sumDiff = 0;
        int diffs = 0;
        double sum = 0;
        double last = Double.NaN;
        for (int i = 1; i < kept.size(); i++) {
            boolean ventricular = kept.get(i).type() == BeatType.VENTRICULAR_OR_WIDE
                    || kept.get(i - 1).type() == BeatType.VENTRICULAR_OR_WIDE;
            if (ventricular) {
                last = Double.NaN;
                continue;
            }
            double interval = kept.get(i).sample() - kept.get(i - 1).sample();
            rr.add(interval);
            sum += interval;
            if (!Double.isNaN(last)) {
                sumDiff += Math.abs(interval - last);
                diffs++;
            }
            last = interval;
        }
        if (rr.size() < MIN_INTERVALS || diffs == 0) return OptionalDouble.empty();
        return OptionalDouble.of(sumDiff / diffs / (sum / rr.size()));
    }

    /** 60 s over the median interval between the P onsets of consecutive beats that both have one. */
    private static OptionalDouble pWaveRate(List<Beat> beats, double fs) {
        List<Double> pp = new ArrayList<>();
        int previous = -1;
        for (Beat b : beats) {
            if (b.type() == BeatType.ARTEFACT) continue;
            int onset = b.fiducials().filter(Delineation::hasP).map(Delineation::pOnset).orElse(-1);
            if (onset >= 0 && previous >= 0) pp.add((double) (onset - previous));
            previous = onset;
        }
        if (pp.isEmpty()) return OptionalDouble.empty();
        double median = BeatTyper.median(pp.stream().mapToDouble(Double::doubleValue).toArray());
        return median > 0 ? OptionalDouble.of(60 * fs / median) : OptionalDouble.empty();
    }
}
