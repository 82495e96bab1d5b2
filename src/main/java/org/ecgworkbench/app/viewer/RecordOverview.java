package org.ecgworkbench.app.viewer;

import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Lead;

/**
 * The whole of one lead at a glance, for the navigator under the paper: the lead's minimum and
 * maximum in each of a fixed number of equal time buckets (an envelope keeps every QRS visible,
 * where decimation would drop some), computed once per record.
 *
 * @param lead     the lead shown (II when the record has it)
 * @param seconds  the record's duration
 * @param min      per bucket, the lowest value in mV
 * @param max      per bucket, the highest value in mV
 */
public record RecordOverview(String lead, double seconds, float[] min, float[] max) {

    /** Buckets: about one per pixel of a wide navigator. */
    public static final int BUCKETS = 1200;

    public RecordOverview {
        min = min.clone();
        max = max.clone();
        if (min.length != max.length) throw new IllegalArgumentException("min and max differ in length");
    }

    @Override
    public float[] min() {
        return min.clone();
    }

    @Override
    public float[] max() {
        return max.clone();
    }

    public int buckets() {
        return min.length;
    }

    public float minAt(int bucket) {
        return min[bucket];
    }

    public float maxAt(int bucket) {
        return max[bucket];
    }

    /** The envelope of lead II (else the first lead) in {@link #BUCKETS} buckets, or fewer for a short record. */
    public static RecordOverview of(EcgRecord record) {
        return of(record, BUCKETS);
    }

    static RecordOverview of(EcgRecord record, int buckets) {
        Lead lead = record.leads().stream().filter(l -> l.name().equalsIgnoreCase("II")).findFirst()
                .orElse(record.leads().get(0));
        float[] v = lead.millivolts();
        int n = Math.max(1, Math.min(buckets, v.length));
        float[] lo = new float[n];
        float[] hi = new float[n];
        for (int b = 0; b < n; b++) {
            int from = (int) ((long) b * v.length / n);
            int to = (int) ((long) (b + 1) * v.length / n);
            float mn = Float.POSITIVE_INFINITY;
            float mx = Float.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                mn = Math.min(mn, v[i]);
                mx = Math.max(mx, v[i]);
            }
            lo[b] = to > from ? mn : 0;
            hi[b] = to > from ? mx : 0;
        }
        return new RecordOverview(lead.name(), v.length / record.fs(), lo, hi);
    }
}
