package org.ecgworkbench.app.measurements;

import org.ecgworkbench.measure.LeadMeasurement;

/**
 * One row of the per-lead table as text: amplitudes in mV, durations in ms, "—" where the wave is absent or could
 * not be measured.
 */
public record LeadRow(String lead, String pMv, String pMs, String qMv, String qMs, String rMv, String rMs, String sMv,
                      String sMs, String rPrimeMv, String rPrimeMs, String sPrimeMv, String sPrimeMs, String tMv,
                      String stJMv, String stJ60Mv) {

    public static LeadRow of(LeadMeasurement m) {
        return new LeadRow(m.lead(), Numbers.mv(m.pMv()), Numbers.whole(m.pMs()), Numbers.mv(m.qMv()),
                Numbers.whole(m.qMs()), Numbers.mv(m.rMv()), Numbers.whole(m.rMs()), Numbers.mv(m.sMv()),
                Numbers.whole(m.sMs()), Numbers.mv(m.rPrimeMv()), Numbers.whole(m.rPrimeMs()), Numbers.mv(m.sPrimeMv()),
                Numbers.whole(m.sPrimeMs()), Numbers.mv(m.tMv()), Numbers.mv(m.stJMv()), Numbers.mv(m.stJ60Mv()));
    }
}
