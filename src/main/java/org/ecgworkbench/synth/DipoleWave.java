package org.ecgworkbench.synth;

/**
 * One Gaussian wave of the cardiac dipole: amplitude vector (x, y, z) in mV in Frank's axes
 * (x to the patient's left, y to the feet, z to the back), centred {@code offset} seconds after
 * the beat's fiducial point, with width {@code sigma} seconds.
 */
record DipoleWave(double offset, double sigma, double x, double y, double z) {

    static DipoleWave of(double offset, double sigma, double[] direction, double amplitude) {
        return new DipoleWave(offset, sigma, direction[0] * amplitude, direction[1] * amplitude, direction[2] * amplitude);
    }

    double magnitude() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    DipoleWave scaled(double f) {
        return new DipoleWave(offset, sigma, x * f, y * f, z * f);
    }

    /** Rotated in the frontal (x, y) plane by {@code radians}: positive turns the axis towards the feet (clockwise). */
    DipoleWave rotatedFrontal(double radians) {
        double c = StrictMath.cos(radians);
        double s = StrictMath.sin(radians);
        return new DipoleWave(offset, sigma, x * c - y * s, x * s + y * c, z);
    }

    double component(int axis) {
        return axis == 0 ? x : axis == 1 ? y : z;
    }

    /** Area under the Gaussian per unit amplitude, s. */
    double areaFactor() {
        return sigma * Math.sqrt(2 * Math.PI);
    }

    static double[] unit(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / n, y / n, z / n};
    }
}
