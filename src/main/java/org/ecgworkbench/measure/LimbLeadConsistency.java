package org.ecgworkbench.measure;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the record's gains against Einthoven's law: lead II is lead I plus lead III at every instant, whatever
 * the heart does, because the three are differences of the same three electrodes. A recording whose header gains
 * break the law by more than {@value #MAX_RESIDUAL} of lead II (RMS, means removed) has amplitudes that cannot be
 * trusted: some lead is scaled wrongly. Carts and the CinC records obey it to about 1 %; a header that scales each
 * lead to its own range breaks it by tens of percent.
 */
final class LimbLeadConsistency {

    /** Largest RMS of II - (I + III) accepted, as a fraction of lead II's RMS. */
    static final double MAX_RESIDUAL = 0.05;

    private LimbLeadConsistency() {
    }

    /** Why the amplitudes cannot be trusted, or empty when they can (or when I, II or III is missing). */
    static Optional<String> problem(LeadMatrix leads) {
        List<String> names = leads.names();
        int i = names.indexOf("I");
        int ii = names.indexOf("II");
        int iii = names.indexOf("III");
        if (i < 0 || ii < 0 || iii < 0 || leads.length() < 2) return Optional.empty();
        int window = Math.max(1, (int) Math.round(leads.fs()));
        double[] a = highPass(leads.samples()[i], window);
        double[] b = highPass(leads.samples()[ii], window);
        double[] c = highPass(leads.samples()[iii], window);
        double residual = 0;
        double power = 0;
        int n = 0;
        for (int k = 0; k < b.length; k++) {
            double r = b[k] - a[k] - c[k];
            if (!Double.isFinite(r)) continue;
            residual += r * r;
            power += b[k] * b[k];
            n++;
        }
        if (n == 0 || !(power > 0)) return Optional.empty();
        double ratio = Math.sqrt(residual / power);
        if (ratio <= MAX_RESIDUAL) return Optional.empty();
        return Optional.of(String.format(Locale.ROOT,
                "amplitudes, voltages and axes not measurable: the header's gains break Einthoven's law "
                        + "(II - (I + III) is %.0f %% of lead II, where it should be 0): some lead is scaled wrongly",
                100 * ratio));
    }

    /**
     * The lead less its 1-s centred moving average: linear, so it keeps Einthoven's law, and it takes out
     * baseline wander, which a record may carry differently per lead once a cart has filtered each on its own.
     */
    private static double[] highPass(double[] x, int window) {
        double[] trend = MovingAverage.centred(x, window);
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) out[k] = x[k] - trend[k];
        return out;
    }
}
