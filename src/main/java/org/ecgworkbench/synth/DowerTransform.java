package org.ecgworkbench.synth;

/**
 * The Dower transform from Frank vectorcardiographic leads (X, Y, Z) to the eight independent
 * leads of the 12-lead ECG: I, II, V1-V6. Coefficients from Dower, Machado and Osborne,
 * "On deriving the electrocardiogram from vectorcardiographic leads", Clin. Cardiol. 3 (1980) 87-95
 * (the 12-lead -> VCG direction is the "inverse Dower" matrix of Edenbrandt and Pahlm, 1988).
 * III, aVR, aVL and aVF are never projected: they are derived from I and II (Einthoven and
 * Goldberger) so that their identities hold exactly.
 */
public final class DowerTransform {
    /** Rows I, II, V1, V2, V3, V4, V5, V6; columns X, Y, Z. */
    static final double[][] MATRIX = {
        {0.632, -0.235, 0.059},
        {0.235, 1.066, -0.132},
        {-0.515, 0.157, -0.917},
        {0.044, 0.164, -1.387},
        {0.882, 0.098, -1.277},
        {1.213, 0.127, -0.601},
        {1.125, 0.127, -0.086},
        {0.831, 0.076, 0.230},
    };
    static final int LEAD_I = 0;
    static final int LEAD_II = 1;
    /** The independent leads in the order of {@link #MATRIX}. */
    static final String[] LEADS = {"I", "II", "V1", "V2", "V3", "V4", "V5", "V6"};

    private DowerTransform() {
    }

    /** Projects a VCG (3 × n, mV) to the eight independent leads (8 × n, mV). */
    static double[][] project(double[][] vcg) {
        int n = vcg[0].length;
        double[][] leads = new double[MATRIX.length][n];
        for (int l = 0; l < MATRIX.length; l++) {
            double[] row = MATRIX[l];
            double[] out = leads[l];
            for (int i = 0; i < n; i++) out[i] = row[0] * vcg[0][i] + row[1] * vcg[1][i] + row[2] * vcg[2][i];
        }
        return leads;
    }

    /** One lead of one dipole vector. */
    static double lead(int lead, double x, double y, double z) {
        double[] row = MATRIX[lead];
        return row[0] * x + row[1] * y + row[2] * z;
    }
}
