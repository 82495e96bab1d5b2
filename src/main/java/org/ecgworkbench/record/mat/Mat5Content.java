package org.ecgworkbench.record.mat;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ecgworkbench.record.Sex;

/**
 * What {@link Mat5Reader} finds in a MATLAB level 5 file that holds an ECG: either the
 * CPSC-2018 original struct ({@link CpscEcg}) or a numeric matrix {@code val} with optional
 * metadata ({@link Signals}, also what {@link Mat5Writer} writes).
 *
 * <p>Both records are immutable: array components are copied on the way in and on the way
 * out, and {@code equals}/{@code hashCode} compare array contents.
 */
public sealed interface Mat5Content {

    /** Most signals a record may hold; far above any ECG, it keeps corrupt dimensions from driving allocation. */
    int MAX_SIGNALS = 4096;

    /** Number of signals (rows). */
    int signalCount();

    /** Number of samples per signal (columns). */
    int sampleCount();

    /**
     * The CPSC-2018 original form: a struct {@code ECG} with fields {@code data} (12×N, mV at
     * 500 Hz), {@code age} and {@code sex}.
     *
     * @param leadsMv [lead][sample] in millivolts, rectangular, finite; the accessor returns a copy
     * @param age     empty when absent or NaN
     * @param sex     empty when absent or not recognised by {@link Sex#parse(String)}
     */
    record CpscEcg(float[][] leadsMv, OptionalDouble age, Optional<Sex> sex) implements Mat5Content {

        /** The CPSC-2018 files do not store a sampling frequency: all are recorded at 500 Hz. */
        public static final double SAMPLING_FREQUENCY_HZ = 500.0;

        public CpscEcg {
            Objects.requireNonNull(age, "age");
            Objects.requireNonNull(sex, "sex");
            leadsMv = copyChecked(leadsMv);
            age.ifPresent(Mat5Content::checkAge);
        }

        @Override
        public float[][] leadsMv() {
            return copy(leadsMv);
        }

        /** One sample, without copying the whole array. */
        public float sampleMv(int lead, int index) {
            return leadsMv[lead][index];
        }

        @Override
        public int signalCount() {
            return leadsMv.length;
        }

        @Override
        public int sampleCount() {
            return leadsMv[0].length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CpscEcg other && Arrays.deepEquals(leadsMv, other.leadsMv)
                    && age.equals(other.age) && sex.equals(other.sex);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.deepHashCode(leadsMv), age, sex);
        }

        @Override
        public String toString() {
            return "CpscEcg[" + signalCount() + " leads × " + sampleCount() + " samples, age=" + age
                    + ", sex=" + sex + "]";
        }

        private static float[][] copyChecked(float[][] in) {
            Objects.requireNonNull(in, "leadsMv");
            checkShape(in.length, in.length == 0 ? 0 : lengthOf(in[0]));
            float[][] out = new float[in.length][];
            for (int r = 0; r < in.length; r++) {
                if (lengthOf(in[r]) != in[0].length) {
                    throw new IllegalArgumentException("lead " + r + " has " + lengthOf(in[r])
                            + " samples, lead 0 has " + in[0].length);
                }
                out[r] = in[r].clone();
                for (int i = 0; i < out[r].length; i++) {
                    if (!Float.isFinite(out[r][i])) {
                        throw new IllegalArgumentException("lead " + r + ", sample " + i + " is " + out[r][i]);
                    }
                }
            }
            return out;
        }

        private static int lengthOf(float[] row) {
            return Objects.requireNonNull(row, "lead").length;
        }

        private static float[][] copy(float[][] in) {
            float[][] out = new float[in.length][];
            for (int r = 0; r < in.length; r++) out[r] = in[r].clone();
            return out;
        }
    }

    /**
     * A numeric matrix {@code val} (rows = signals, columns = samples) with optional metadata.
     * Read from files written by {@link Mat5Writer} (physical units, mV) and from plain
     * {@code val} files (whose units the caller knows; see {@link #allIntegral()}). Strings are
     * trimmed, as MATLAB pads the rows of char matrices with spaces.
     *
     * @param rows      [signal][sample], rectangular, finite; the accessor returns a copy
     * @param fs        sampling frequency in Hz (finite, &gt; 0) when stored
     * @param leadNames one name per row, or empty when not stored
     * @param id        record identifier when stored (a blank id counts as none)
     * @param age       age in years (finite, &ge; 0) when stored
     * @param sex       sex when stored and recognised
     * @param dx        diagnosis codes (e.g. SNOMED CT) as stored, possibly empty
     */
    record Signals(double[][] rows, OptionalDouble fs, List<String> leadNames, Optional<String> id,
                   OptionalDouble age, Optional<Sex> sex, List<String> dx) implements Mat5Content {

        public Signals {
            Objects.requireNonNull(fs, "fs");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(age, "age");
            Objects.requireNonNull(sex, "sex");
            rows = copyChecked(rows);
            leadNames = trimmed(leadNames, "lead name");
            dx = trimmed(dx, "dx code");
            id = id.map(String::trim).filter(s -> !s.isEmpty());
            if (!leadNames.isEmpty() && leadNames.size() != rows.length) {
                throw new IllegalArgumentException(leadNames.size() + " lead names for " + rows.length + " rows");
            }
            fs.ifPresent(f -> {
                if (!(Double.isFinite(f) && f > 0)) throw new IllegalArgumentException("fs must be finite and > 0: " + f);
            });
            age.ifPresent(Mat5Content::checkAge);
        }

        /** Signals with a sampling frequency and lead names, no other metadata. */
        public Signals(double[][] rows, double fs, List<String> leadNames) {
            this(rows, OptionalDouble.of(fs), leadNames, Optional.empty(), OptionalDouble.empty(),
                    Optional.empty(), List.of());
        }

        @Override
        public double[][] rows() {
            double[][] out = new double[rows.length][];
            for (int r = 0; r < rows.length; r++) out[r] = rows[r].clone();
            return out;
        }

        /** One value, without copying the whole array. */
        public double value(int row, int column) {
            return rows[row][column];
        }

        /** True when every value is a whole number (e.g. ADC units from an integer class). */
        public boolean allIntegral() {
            for (double[] row : rows) {
                for (double v : row) {
                    if (v != Math.rint(v)) return false;
                }
            }
            return true;
        }

        @Override
        public int signalCount() {
            return rows.length;
        }

        @Override
        public int sampleCount() {
            return rows[0].length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Signals other && Arrays.deepEquals(rows, other.rows) && fs.equals(other.fs)
                    && leadNames.equals(other.leadNames) && id.equals(other.id) && age.equals(other.age)
                    && sex.equals(other.sex) && dx.equals(other.dx);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.deepHashCode(rows), fs, leadNames, id, age, sex, dx);
        }

        @Override
        public String toString() {
            return "Signals[" + signalCount() + " rows × " + sampleCount() + " samples, fs=" + fs
                    + ", leads=" + leadNames + ", id=" + id + ", age=" + age + ", sex=" + sex + ", dx=" + dx + "]";
        }

        private static List<String> trimmed(List<String> in, String what) {
            return in.stream().map(s -> Objects.requireNonNull(s, what).trim()).toList();
        }

        private static double[][] copyChecked(double[][] in) {
            Objects.requireNonNull(in, "rows");
            checkShape(in.length, in.length == 0 ? 0 : Objects.requireNonNull(in[0], "row").length);
            double[][] out = new double[in.length][];
            for (int r = 0; r < in.length; r++) {
                double[] row = Objects.requireNonNull(in[r], "row");
                if (row.length != in[0].length) {
                    throw new IllegalArgumentException("row " + r + " has " + row.length + " values, row 0 has "
                            + in[0].length);
                }
                out[r] = row.clone();
                for (int i = 0; i < row.length; i++) {
                    if (!Double.isFinite(row[i])) {
                        throw new IllegalArgumentException("row " + r + ", column " + i + " is " + row[i]);
                    }
                }
            }
            return out;
        }
    }

    private static void checkShape(int signals, int samples) {
        if (signals < 1 || signals > MAX_SIGNALS) {
            throw new IllegalArgumentException("need 1.." + MAX_SIGNALS + " signals, got " + signals);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("need at least one sample per signal");
        }
    }

    private static void checkAge(double age) {
        if (!(Double.isFinite(age) && age >= 0)) {
            throw new IllegalArgumentException("age must be finite and >= 0: " + age);
        }
    }
}
