package org.ecgworkbench.measure.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The interval reference of one LUDB record, as issue 16's "Validation 1" defines it. Per beat, over
 * the annotated leads (a beat is the QRS marks whose onset–offset spans overlap): QRS onset = earliest QRS onset, QRS offset = latest, P onset = earliest P onset,
 * P offset = latest, T end = latest T offset. Per record, the median over annotated beats of
 * PR = QRS onset − P onset, QRS = offset − onset, QT = T end − QRS onset and P = P offset − P onset;
 * RR is the mean interval between lead II's consecutive QRS peak marks.
 *
 * @param record     record name ("1" ... "200")
 * @param fs         sampling frequency the sample numbers refer to
 * @param beats      the annotated beats in time order
 * @param rrMs       mean RR from lead II, empty with fewer than two lead II beats
 * @param pPresent   whether at least half of the annotated beats have a P wave
 */
public record LudbReference(String record, double fs, List<ReferenceBeat> beats, OptionalDouble rrMs, boolean pPresent) {

    /** LUDB's per-lead annotation file extensions, in the standard lead order. */
    public static final List<String> LEAD_EXTENSIONS =
            List.of("i", "ii", "iii", "avr", "avl", "avf", "v1", "v2", "v3", "v4", "v5", "v6");

    /** No two beats are closer than this (300 bpm). */
    private static final double MIN_RR_SECONDS = 0.2;

    public LudbReference {
        beats = List.copyOf(beats);
    }

    /**
     * Reads the per-lead annotation files {@code record.i} ... {@code record.v6} in {@code folder}; leads
     * without a file are skipped.
     */
    public static LudbReference load(Path folder, String record, double fs) throws IOException {
        Map<String, List<AnnotatedWave>> leads = new TreeMap<>();
        for (String ext : LEAD_EXTENSIONS) {
            Path file = folder.resolve(record + "." + ext);
            if (Files.isRegularFile(file)) {
                leads.put(ext, AnnotatedWave.fromAnnotations(WfdbAnnotationReader.read(file)));
            }
        }
        return of(record, fs, leads);
    }

    /** Builds the reference from each lead's waves (keyed by the lead's file extension). */
    public static LudbReference of(String record, double fs, Map<String, List<AnnotatedWave>> leads) {
        List<AnnotatedWave> qrs = new ArrayList<>();
        leads.values().forEach(ws -> ws.stream().filter(w -> w.kind() == WaveKind.QRS).forEach(qrs::add));
        // Leads mark different peaks (R in one, S in another) and some spans are short, so a mark joins the
        // current beat when its span overlaps the beat's or its peak is within the shortest possible RR.
        qrs.sort(Comparator.comparingLong(LudbReference::start));
        long minRr = Math.round(MIN_RR_SECONDS * fs);
        List<List<AnnotatedWave>> groups = new ArrayList<>();
        long groupEnd = Long.MIN_VALUE;
        long groupPeak = Long.MIN_VALUE;
        for (AnnotatedWave w : qrs) {
            if (groups.isEmpty() || (start(w) > groupEnd && w.peak() - groupPeak > minRr)) {
                groups.add(new ArrayList<>());
                groupEnd = Long.MIN_VALUE;
                groupPeak = Long.MIN_VALUE;
            }
            groups.get(groups.size() - 1).add(w);
            groupEnd = Math.max(groupEnd, end(w));
            groupPeak = Math.max(groupPeak, w.peak());
        }
        List<ReferenceBeat> beats = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<AnnotatedWave> group = groups.get(g);
            long[] peaks = group.stream().mapToLong(AnnotatedWave::peak).sorted().toArray();
            long peak = peaks[peaks.length / 2];
            long onset = group.stream().filter(AnnotatedWave::hasOnset).mapToLong(AnnotatedWave::onset).min().orElse(-1);
            long offset = group.stream().filter(AnnotatedWave::hasOffset).mapToLong(AnnotatedWave::offset).max().orElse(-1);
            long previousQrsEnd = g > 0 ? groups.get(g - 1).stream().mapToLong(LudbReference::end).max().orElseThrow() : Long.MIN_VALUE;
            long nextQrsStart = g + 1 < groups.size() ? groups.get(g + 1).stream().mapToLong(LudbReference::start).min().orElseThrow() : Long.MAX_VALUE;
            long pOnset = Long.MAX_VALUE;
            long pOffset = -1;
            long tOffset = -1;
            for (List<AnnotatedWave> lead : leads.values()) {
                // The P nearest before this QRS, the T nearest after it, each within the neighbouring beats.
                AnnotatedWave p = null;
                AnnotatedWave t = null;
                for (AnnotatedWave w : lead) {
                    if (w.kind() == WaveKind.P && w.peak() > previousQrsEnd && w.peak() < peak) p = w;
                    if (w.kind() == WaveKind.T && t == null && w.peak() > peak && w.peak() < nextQrsStart) t = w;
                }
                if (p != null && p.hasOnset() && p.hasOffset()) {
                    pOnset = Math.min(pOnset, p.onset());
                    pOffset = Math.max(pOffset, p.offset());
                }
                if (t != null && t.hasOffset()) tOffset = Math.max(tOffset, t.offset());
            }
            beats.add(new ReferenceBeat(peak, onset, offset, pOffset < 0 ? -1 : pOnset, pOffset, tOffset));
        }
        long withP = beats.stream().filter(ReferenceBeat::hasP).count();
        boolean pPresent = !beats.isEmpty() && 2 * withP >= beats.size();
        return new LudbReference(record, fs, beats, leadTwoRr(leads.get("ii"), fs), pPresent);
    }

    private static long start(AnnotatedWave w) {
        return w.hasOnset() ? w.onset() : w.peak();
    }

    private static long end(AnnotatedWave w) {
        return w.hasOffset() ? w.offset() : w.peak();
    }

    private static OptionalDouble leadTwoRr(List<AnnotatedWave> leadTwo, double fs) {
        if (leadTwo == null) return OptionalDouble.empty();
        long[] peaks = leadTwo.stream().filter(w -> w.kind() == WaveKind.QRS).mapToLong(AnnotatedWave::peak).toArray();
        if (peaks.length < 2) return OptionalDouble.empty();
        return OptionalDouble.of((peaks[peaks.length - 1] - peaks[0]) / (double) (peaks.length - 1) * 1000.0 / fs);
    }

    /** Heart rate from {@link #rrMs()}, in beats per minute. */
    public OptionalDouble rateBpm() {
        return rrMs.isPresent() ? OptionalDouble.of(60_000.0 / rrMs.getAsDouble()) : OptionalDouble.empty();
    }

    /** Median QRS duration in ms over beats with both QRS marks. */
    public OptionalDouble qrsMs() {
        return medianMs(beats.stream().filter(b -> b.qrsOnset() >= 0 && b.qrsOffset() >= 0)
                .mapToLong(b -> b.qrsOffset() - b.qrsOnset()).toArray());
    }

    /** Median PR interval in ms (QRS onset − P onset). */
    public OptionalDouble prMs() {
        return medianMs(beats.stream().filter(b -> b.hasP() && b.qrsOnset() >= 0)
                .mapToLong(b -> b.qrsOnset() - b.pOnset()).toArray());
    }

    /** Median P duration in ms. */
    public OptionalDouble pMs() {
        return medianMs(beats.stream().filter(ReferenceBeat::hasP).mapToLong(b -> b.pOffset() - b.pOnset()).toArray());
    }

    /** Median QT interval in ms (T end − QRS onset). */
    public OptionalDouble qtMs() {
        return medianMs(beats.stream().filter(b -> b.tOffset() >= 0 && b.qrsOnset() >= 0)
                .mapToLong(b -> b.tOffset() - b.qrsOnset()).toArray());
    }

    private OptionalDouble medianMs(long[] samples) {
        if (samples.length == 0) return OptionalDouble.empty();
        Arrays.sort(samples);
        int n = samples.length;
        double median = n % 2 == 1 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2.0;
        return OptionalDouble.of(median * 1000.0 / fs);
    }
}
