package org.ecgworkbench.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Frontal-plane measurements of a set of QRS waves, as a reader of the 12-lead ECG makes them:
 * the axis from the net QRS area in leads I and aVF, and the peak-to-peak QRS in the six limb
 * leads. Used to rotate and scale the QRS until the record meets its axis and voltage rules.
 */
final class FrontalAxis {
    private static final double GRID_STEP = 0.0005;

    private FrontalAxis() {
    }

    /** Axis in degrees (-180, 180]: atan2(net area in aVF, net area in I). */
    static double degrees(List<DipoleWave> waves) {
        double i = 0;
        double avf = 0;
        for (DipoleWave w : waves) {
            double a = w.areaFactor();
            double leadI = DowerTransform.lead(DowerTransform.LEAD_I, w.x(), w.y(), w.z());
            double leadII = DowerTransform.lead(DowerTransform.LEAD_II, w.x(), w.y(), w.z());
            i += a * leadI;
            avf += a * (leadII - leadI / 2);
        }
        return Math.toDegrees(Math.atan2(avf, i));
    }

    /**
     * Rotates the {@code rotatable} waves in the frontal plane until the axis of all waves together
     * is {@code target} degrees; fixed waves (the late right-ventricular force of RBBB) stay. The
     * rotation is found by a 2-degree scan and a bisection; should the fixed waves dominate so
     * the target cannot be reached, they are weakened by 15 % and the search repeated.
     */
    static List<DipoleWave> rotateTo(List<DipoleWave> rotatable, List<DipoleWave> fixed, double target) {
        List<DipoleWave> still = new ArrayList<>(fixed);
        for (int attempt = 0; attempt < 12; attempt++) {
            double best = Double.NaN;
            double bestError = Double.POSITIVE_INFINITY;
            double previous = error(rotatable, still, -180, target);
            for (double angle = -178; angle <= 180; angle += 2) {
                double e = error(rotatable, still, angle, target);
                if (Math.signum(e) != Math.signum(previous) && Math.abs(e - previous) < 90) {
                    double root = bisect(rotatable, still, angle - 2, angle, target);
                    double re = Math.abs(error(rotatable, still, root, target));
                    if (re < bestError) {
                        bestError = re;
                        best = root;
                    }
                }
                previous = e;
            }
            if (bestError < 0.05) {
                final double radians = Math.toRadians(best);
                List<DipoleWave> out = new ArrayList<>(rotatable.size() + still.size());
                rotatable.forEach(w -> out.add(w.rotatedFrontal(radians)));
                out.addAll(still);
                return out;
            }
            still.replaceAll(w -> w.scaled(0.85));
        }
        throw new IllegalStateException("QRS axis cannot reach " + target + " degrees");
    }

    private static double error(List<DipoleWave> rotatable, List<DipoleWave> fixed, double rotationDegrees, double target) {
        double radians = Math.toRadians(rotationDegrees);
        List<DipoleWave> all = new ArrayList<>(rotatable.size() + fixed.size());
        rotatable.forEach(w -> all.add(w.rotatedFrontal(radians)));
        all.addAll(fixed);
        return wrap(degrees(all) - target);
    }

    private static double bisect(List<DipoleWave> rotatable, List<DipoleWave> fixed, double lo, double hi, double target) {
        double elo = error(rotatable, fixed, lo, target);
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            double em = error(rotatable, fixed, mid, target);
            if (Math.signum(em) == Math.signum(elo)) {
                lo = mid;
                elo = em;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** Largest QRS peak-to-peak over I, II, III, aVR, aVL, aVF, mV. */
    static double maxLimbPeakToPeak(List<DipoleWave> waves) {
        double best = 0;
        for (double v : limbPeakToPeaks(waves)) best = Math.max(best, v);
        return best;
    }

    /** QRS peak-to-peak in I, II, III, aVR, aVL, aVF (in that order), mV. */
    static double[] limbPeakToPeaks(List<DipoleWave> waves) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (DipoleWave w : waves) {
            lo = Math.min(lo, w.offset() - 5 * w.sigma());
            hi = Math.max(hi, w.offset() + 5 * w.sigma());
        }
        double[] min = new double[6];
        double[] max = new double[6];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double t = lo; t <= hi; t += GRID_STEP) {
            double x = 0;
            double y = 0;
            double z = 0;
            for (DipoleWave w : waves) {
                double u = (t - w.offset()) / w.sigma();
                double g = StrictMath.exp(-0.5 * u * u);
                x += w.x() * g;
                y += w.y() * g;
                z += w.z() * g;
            }
            double i = DowerTransform.lead(DowerTransform.LEAD_I, x, y, z);
            double ii = DowerTransform.lead(DowerTransform.LEAD_II, x, y, z);
            double[] limb = {i, ii, ii - i, -(i + ii) / 2, i - ii / 2, ii - i / 2};
            for (int l = 0; l < 6; l++) {
                min[l] = Math.min(min[l], limb[l]);
                max[l] = Math.max(max[l], limb[l]);
            }
        }
        double[] p2p = new double[6];
        for (int l = 0; l < 6; l++) p2p[l] = max[l] - min[l];
        return p2p;
    }

    static double wrap(double degrees) {
        double d = degrees % 360;
        if (d > 180) d -= 360;
        if (d <= -180) d += 360;
        return d;
    }
}
