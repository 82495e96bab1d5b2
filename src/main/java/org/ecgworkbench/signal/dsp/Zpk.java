package org.ecgworkbench.signal.dsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A filter in zero-pole-gain form, and its conversions to a transfer function
 * ({@code scipy.signal.zpk2tf}) and to second-order sections ({@code scipy.signal.zpk2sos} with
 * its default digital pairing {@code 'nearest'}). Immutable.
 *
 * @param zeros the zeros (complex ones in conjugate pairs)
 * @param poles the poles (complex ones in conjugate pairs)
 * @param gain  the system gain
 */
record Zpk(List<IirComplex> zeros, List<IirComplex> poles, double gain) {

    /** {@code 100 * eps} of float64: the tolerance scipy's {@code _cplxreal} uses. */
    private static final double CPLX_TOL = 100 * Math.ulp(1.0);

    Zpk {
        zeros = List.copyOf(zeros);
        poles = List.copyOf(poles);
    }

    /**
     * Numerator and denominator, as {@code zpk2tf}: {@code b = k * poly(zeros)},
     * {@code a = poly(poles)}. Both have {@code degree + 1} coefficients, {@code a[0] == 1}.
     *
     * @return {@code {b, a}}
     */
    double[][] toTransferFunction() {
        double[] b = realPoly(zeros);
        for (int i = 0; i < b.length; i++) {
            b[i] = gain * b[i];
        }
        return new double[][] {b, realPoly(poles)};
    }

    /**
     * Second-order sections as {@code zpk2sos(z, p, k)} for a digital filter: poles are taken
     * from the one closest to the unit circle outwards, each paired with its nearest zeros, the
     * closest pair ending up in the last section; the gain goes into the first section.
     *
     * @return {@code n_sections} rows of {@code b0, b1, b2, a0 (= 1), a1, a2}
     */
    double[][] toSos() {
        List<IirComplex> z = new ArrayList<>(zeros);
        List<IirComplex> p = new ArrayList<>(poles);
        if (z.isEmpty() && p.isEmpty()) {
            return new double[][] {{gain, 0, 0, 1, 0, 0}};
        }
        while (p.size() < z.size()) {
            p.add(IirComplex.ZERO);
        }
        while (z.size() < p.size()) {
            z.add(IirComplex.ZERO);
        }
        int nSections = (p.size() + 1) / 2;
        if (p.size() % 2 == 1) {
            p.add(IirComplex.ZERO);
            z.add(IirComplex.ZERO);
        }
        z = onePerConjugatePair(z);
        p = onePerConjugatePair(p);

        double[][] sos = new double[nSections][];
        for (int si = nSections - 1; si >= 0; si--) {
            IirComplex p1 = p.remove(closestToUnitCircle(p));
            boolean noRealPoleLeft = p.stream().noneMatch(IirComplex::isReal);
            if (p1.isReal() && noRealPoleLeft) {
                // the last real pole: a first-order section padded with a pole and a zero at the origin
                IirComplex z1 = z.remove(nearest(z, p1, Which.REAL));
                sos[si] = section(List.of(z1, IirComplex.ZERO), List.of(p1, IirComplex.ZERO));
            } else if (p.size() + 1 == z.size() && !p1.isReal()
                    && p.stream().filter(IirComplex::isReal).count() == 1
                    && z.stream().filter(IirComplex::isReal).count() == 1) {
                // one real pole and one real zero left: this complex pole must take a complex zero
                IirComplex z1 = z.remove(nearest(z, p1, Which.COMPLEX));
                sos[si] = section(List.of(z1, z1.conj()), List.of(p1, p1.conj()));
            } else {
                IirComplex p2;
                if (p1.isReal()) {
                    List<IirComplex> realPoles = p.stream().filter(IirComplex::isReal).toList();
                    p2 = realPoles.get(closestToUnitCircle(realPoles));
                    p.remove(indexOfIdentity(p, p2));
                } else {
                    p2 = p1.conj();
                }
                if (z.isEmpty()) {
                    sos[si] = section(List.of(), List.of(p1, p2));
                } else {
                    IirComplex z1 = z.remove(nearest(z, p1, Which.ANY));
                    if (!z1.isReal()) {
                        sos[si] = section(List.of(z1, z1.conj()), List.of(p1, p2));
                    } else if (!z.isEmpty()) {
                        IirComplex z2 = z.remove(nearest(z, p1, Which.REAL));
                        sos[si] = section(List.of(z1, z2), List.of(p1, p2));
                    } else {
                        sos[si] = section(List.of(z1), List.of(p1, p2));
                    }
                }
            }
        }
        for (int j = 0; j < 3; j++) {
            sos[0][j] *= gain;
        }
        return sos;
    }

    private enum Which { REAL, COMPLEX, ANY }

    /** Index of the entry of {@code fro} nearest to {@code to} among those of the kind asked (first on ties). */
    private static int nearest(List<IirComplex> fro, IirComplex to, Which which) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < fro.size(); i++) {
            IirComplex c = fro.get(i);
            if (which == Which.REAL && !c.isReal() || which == Which.COMPLEX && c.isReal()) {
                continue;
            }
            double d = c.minus(to).abs();
            if (best < 0 || d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no " + which.name().toLowerCase() + " zero left to pair with pole " + to);
        }
        return best;
    }

    /** Index of the root whose magnitude is closest to 1 (first on ties). */
    private static int closestToUnitCircle(List<IirComplex> roots) {
        int best = 0;
        double bestDistance = Math.abs(1 - roots.get(0).abs());
        for (int i = 1; i < roots.size(); i++) {
            double d = Math.abs(1 - roots.get(i).abs());
            if (d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int indexOfIdentity(List<IirComplex> list, IirComplex item) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == item) {
                return i;
            }
        }
        throw new IllegalStateException("pole vanished");
    }

    /** One section {@code [b0 b1 b2 1 a1 a2]} from at most two zeros and two poles, right-aligned as scipy does. */
    private static double[] section(List<IirComplex> z, List<IirComplex> p) {
        double[] b = realPoly(z);
        double[] a = realPoly(p);
        double[] row = new double[6];
        System.arraycopy(b, 0, row, 3 - b.length, b.length);
        System.arraycopy(a, 0, row, 6 - a.length, a.length);
        return row;
    }

    /**
     * scipy's {@code _cplxreal} followed by the concatenation {@code zpk2sos} makes: one
     * representative (positive imaginary part, averaged with its partner) of each conjugate pair,
     * sorted by real part, then the real roots (with exactly zero imaginary part) sorted.
     */
    static List<IirComplex> onePerConjugatePair(List<IirComplex> roots) {
        List<IirComplex> sorted = new ArrayList<>(roots);
        sorted.sort(Comparator.comparingDouble(IirComplex::re).thenComparingDouble(c -> Math.abs(c.im())));
        List<IirComplex> reals = new ArrayList<>();
        List<IirComplex> upper = new ArrayList<>();
        List<IirComplex> lower = new ArrayList<>();
        for (IirComplex c : sorted) {
            if (Math.abs(c.im()) <= CPLX_TOL * c.abs()) {
                reals.add(IirComplex.real(c.re()));
            } else if (c.im() > 0) {
                upper.add(c);
            } else {
                lower.add(c);
            }
        }
        if (upper.size() != lower.size()) {
            throw new IllegalArgumentException("Array contains complex value with no matching conjugate.");
        }
        sortRunsOfEqualRealPart(upper, lower);
        List<IirComplex> out = new ArrayList<>(roots.size());
        for (int i = 0; i < upper.size(); i++) {
            IirComplex zp = upper.get(i);
            IirComplex zn = lower.get(i);
            if (zp.minus(zn.conj()).abs() > CPLX_TOL * zn.abs()) {
                throw new IllegalArgumentException("Array contains complex value with no matching conjugate.");
            }
            out.add(zp.plus(zn.conj()).div(2.0));
        }
        out.addAll(reals);
        return out;
    }

    /** Within runs of (nearly) equal real part, order both halves by the size of the imaginary part. */
    private static void sortRunsOfEqualRealPart(List<IirComplex> upper, List<IirComplex> lower) {
        Comparator<IirComplex> byImag = Comparator.comparingDouble(c -> Math.abs(c.im()));
        int start = 0;
        while (start < upper.size()) {
            int stop = start + 1;
            while (stop < upper.size()
                    && upper.get(stop).re() - upper.get(stop - 1).re() <= CPLX_TOL * upper.get(stop - 1).abs()) {
                stop++;
            }
            if (stop - start > 1) {
                upper.subList(start, stop).sort(byImag);
                lower.subList(start, stop).sort(byImag);
            }
            start = stop;
        }
    }

    /**
     * Coefficients of the monic polynomial with the given roots, highest power first, built root
     * by root as numpy's {@code poly} does ({@code a = convolve(a, [1, -root])}); the roots must
     * come in conjugate pairs, so the result is real.
     */
    static double[] realPoly(List<IirComplex> roots) {
        IirComplex[] a = {IirComplex.ONE};
        for (IirComplex root : roots) {
            IirComplex minusRoot = root.negate();
            IirComplex[] next = new IirComplex[a.length + 1];
            for (int k = 0; k <= a.length; k++) {
                IirComplex sum = null;
                if (k >= 1) {
                    sum = a[k - 1].times(minusRoot);
                }
                if (k < a.length) {
                    sum = sum == null ? a[k] : sum.plus(a[k]);
                }
                next[k] = sum;
            }
            a = next;
        }
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].re();
        }
        return out;
    }
}
