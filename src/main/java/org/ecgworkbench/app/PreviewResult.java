package org.ecgworkbench.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecgworkbench.signal.dsp.MagnitudeSpectrum;
import org.ecgworkbench.signal.Pipeline;

/**
 * What the preview draws for one record, lead and pipeline: the lead after every stage on the
 * input's time axis, which parts are padding or were truncated, and the spectra before and after.
 *
 * @param recordId        the record
 * @param lead            the lead's label
 * @param pipeline        the pipeline that produced it
 * @param stages          input first, then one per step
 * @param truncated       parts of the input (seconds on its axis) that the output dropped
 * @param spectrumBefore  the input lead's magnitude spectrum (Hann)
 * @param spectrumAfter   the output lead's, over its real samples
 * @param computeMillis   how long the stages took
 * @param comparison      the comparison asked for (an overlay and a difference row), or null
 */
public record PreviewResult(String recordId, String lead, Pipeline pipeline, List<StageTrace> stages, List<TimeRange> truncated,
        MagnitudeSpectrum spectrumBefore, MagnitudeSpectrum spectrumAfter, long computeMillis, PreviewComparison comparison) {

    public PreviewResult {
        stages = List.copyOf(stages);
        truncated = List.copyOf(truncated);
    }

    /** Everything any stage covers on the input's axis: the input, and padding before 0 and after the end. */
    public TimeRange wholeRange() {
        double t0 = 0;
        double t1 = input().endSeconds();
        for (StageTrace s : stages) {
            t0 = Math.min(t0, s.startSeconds());
            t1 = Math.max(t1, s.endSeconds());
        }
        return new TimeRange(t0, t1);
    }

    /** A time span in seconds on the input record's axis. */
    public record TimeRange(double fromSeconds, double toSeconds) {
    }

    /**
     * One stage's output for the chosen lead.
     *
     * @param index       0 for the input, then the step's position
     * @param type        the step's type
     * @param description the step in words
     * @param fs          rate of this stage
     * @param samples     the lead's samples
     * @param mask        true where real
     * @param startSample where sample 0 sits on the input's axis, in samples at {@code fs} (negative with padding before)
     * @param unit        the amplitude's unit: "mV" until a normalisation step, then "z" (z-score) or "a.u." (min–max, scale)
     */
    public record StageTrace(int index, String type, String description, double fs, double[] samples, boolean[] mask, int startSample,
            String unit) {

        public double startSeconds() {
            return startSample / fs;
        }

        public double endSeconds() {
            return (startSample + samples.length) / fs;
        }

        /** The time of sample {@code i} on the input's axis. */
        public double secondsOf(int i) {
            return (startSample + i) / fs;
        }

        /** The padded runs (mask false) in seconds on the input's axis. */
        public List<TimeRange> padded() {
            List<TimeRange> out = new ArrayList<>();
            int i = 0;
            while (i < mask.length) {
                if (mask[i]) {
                    i++;
                    continue;
                }
                int j = i;
                while (j < mask.length && !mask[j]) j++;
                out.add(new TimeRange(secondsOf(i), secondsOf(j)));
                i = j;
            }
            return out;
        }

        /** The first and one-past-last real sample, or null when none is real. */
        int[] realSpan() {
            int first = -1;
            int last = -1;
            for (int i = 0; i < mask.length; i++) {
                if (mask[i]) {
                    if (first < 0) first = i;
                    last = i;
                }
            }
            return first < 0 ? null : new int[] {first, last + 1};
        }

        /** A checksum of the samples, to tell drawings apart in tests. */
        public long checksum() {
            return Arrays.hashCode(samples) * 31L + Arrays.hashCode(mask);
        }
    }

    /** The stages' checksums combined. */
    public long checksum() {
        long h = 17;
        for (StageTrace s : stages) h = h * 1_000_003L + s.checksum();
        return h;
    }

    public StageTrace input() {
        return stages.get(0);
    }

    public StageTrace output() {
        return stages.get(stages.size() - 1);
    }
}
