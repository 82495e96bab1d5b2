package org.ecgworkbench.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.LeadName;

/**
 * Turns the eight independent leads (mV) into the twelve int16 leads of a challenge record at
 * 1000 ADC units per mV, deriving the other four in integers:
 * <pre>
 *   III = II − I,   aVR = −(I + II)/2,   aVL = I − II/2,   aVF = II − I/2
 * </pre>
 * I and II are rounded to even ADC values (a 2 µV step, far below the noise), so every half is
 * an integer and the four identities hold exactly in ADC units, hence to float rounding in mV
 * after reading back. I and II are limited to ±16,000 units (±16 mV) so the derived leads stay
 * inside int16; V1-V6 to ±32,000.
 */
final class TwelveLeadQuantiser {
    static final double GAIN = 1000;
    private static final int LIMB_LIMIT = 16_000;
    private static final int CHEST_LIMIT = 32_000;

    private TwelveLeadQuantiser() {
    }

    /** Leads in standard order from I, II, V1..V6 (mV, in {@link DowerTransform#LEADS} order). */
    static List<Lead> quantise(double[][] independent) {
        int n = independent[0].length;
        int[] i1 = new int[n];
        int[] i2 = new int[n];
        for (int j = 0; j < n; j++) {
            i1[j] = even(independent[DowerTransform.LEAD_I][j]);
            i2[j] = even(independent[DowerTransform.LEAD_II][j]);
        }
        int[] iii = new int[n];
        int[] avr = new int[n];
        int[] avl = new int[n];
        int[] avf = new int[n];
        for (int j = 0; j < n; j++) {
            iii[j] = i2[j] - i1[j];
            avr[j] = -(i1[j] + i2[j]) / 2;
            avl[j] = i1[j] - i2[j] / 2;
            avf[j] = i2[j] - i1[j] / 2;
        }
        List<Lead> leads = new ArrayList<>(12);
        leads.add(lead(LeadName.I, i1));
        leads.add(lead(LeadName.II, i2));
        leads.add(lead(LeadName.III, iii));
        leads.add(lead(LeadName.AVR, avr));
        leads.add(lead(LeadName.AVL, avl));
        leads.add(lead(LeadName.AVF, avf));
        LeadName[] chest = {LeadName.V1, LeadName.V2, LeadName.V3, LeadName.V4, LeadName.V5, LeadName.V6};
        for (int c = 0; c < 6; c++) {
            double[] mv = independent[2 + c];
            int[] adc = new int[n];
            for (int j = 0; j < n; j++) adc[j] = clamp(Math.round(mv[j] * GAIN), CHEST_LIMIT);
            leads.add(lead(chest[c], adc));
        }
        return leads;
    }

    private static int even(double mv) {
        return clamp(2 * Math.round(mv * GAIN / 2), LIMB_LIMIT);
    }

    private static int clamp(long v, int limit) {
        return (int) Math.max(-limit, Math.min(limit, v));
    }

    private static Lead lead(LeadName name, int[] adc) {
        float[] mv = new float[adc.length];
        for (int j = 0; j < adc.length; j++) mv[j] = (float) (adc[j] / GAIN);
        return new Lead(name.label(), name.label(), GAIN, 0, "mV", mv, adc, Optional.empty());
    }
}
