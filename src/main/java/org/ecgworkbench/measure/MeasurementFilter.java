package org.ecgworkbench.measure;

import org.ecgworkbench.signal.dsp.IirFilters;
import org.ecgworkbench.signal.dsp.ZeroPhaseFilter;

/**
 * The diagnostic-band conditioning the median beats are built from: pacing spikes suppressed, then a
 * zero-phase Butterworth band-pass 0.5–40 Hz (upper edge at 40 % of the rate when that is lower), so
 * baseline wander and mains noise do not move the fiducials and no phase shift does either.
 */
final class MeasurementFilter {

    static final double LOW_HZ = 0.5;
    static final double HIGH_HZ = 40;

    private MeasurementFilter() {
    }

    static LeadMatrix apply(LeadMatrix leads) {
        double fs = leads.fs();
        ZeroPhaseFilter f = IirFilters.butterworthBandPass(2, LOW_HZ, Math.min(HIGH_HZ, 0.4 * fs), fs);
        double[][] out = new double[leads.leadCount()][];
        for (int i = 0; i < out.length; i++) {
            double[] x = leads.samples()[i];
            out[i] = x.length > f.padLength() ? f.apply(SpikeSuppressor.apply(x, fs)) : x.clone();
        }
        return new LeadMatrix(leads.names(), out, fs);
    }
}
