package org.ecgworkbench.signal.dsp;

/**
 * A complex number for filter design (poles and zeros). Only what the design needs; the
 * arithmetic follows numpy's complex128 loops operation by operation (a real operand is
 * promoted to {@code x + 0j} first, division is Smith's method as numpy does it), so designs
 * agree with scipy to the last bit or so.
 */
record IirComplex(double re, double im) {

    static final IirComplex ZERO = new IirComplex(0.0, 0.0);
    static final IirComplex ONE = new IirComplex(1.0, 0.0);

    static IirComplex real(double x) {
        return new IirComplex(x, 0.0);
    }

    boolean isReal() {
        return im == 0.0;
    }

    IirComplex plus(IirComplex o) {
        return new IirComplex(re + o.re, im + o.im);
    }

    IirComplex minus(IirComplex o) {
        return new IirComplex(re - o.re, im - o.im);
    }

    IirComplex negate() {
        return new IirComplex(-re, -im);
    }

    IirComplex conj() {
        return new IirComplex(re, -im);
    }

    IirComplex times(IirComplex o) {
        return new IirComplex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    /** Multiplication by a real promoted to complex, as numpy does for {@code complex * float}. */
    IirComplex times(double x) {
        return times(real(x));
    }

    /** Smith's division, in the form of numpy's complex true_divide loop. */
    IirComplex div(IirComplex o) {
        double br = o.re;
        double bi = o.im;
        double brAbs = Math.abs(br);
        double biAbs = Math.abs(bi);
        if (brAbs >= biAbs) {
            if (brAbs == 0.0 && biAbs == 0.0) {
                return new IirComplex(re / brAbs, im / brAbs);
            }
            double rat = bi / br;
            double scl = 1.0 / (br + bi * rat);
            return new IirComplex((re + im * rat) * scl, (im - re * rat) * scl);
        }
        double rat = br / bi;
        double scl = 1.0 / (bi + br * rat);
        return new IirComplex((re * rat + im) * scl, (im * rat - re) * scl);
    }

    IirComplex div(double x) {
        return div(real(x));
    }

    /** Elementwise {@code z ** 2} of numpy (its square loop). */
    IirComplex square() {
        return new IirComplex(re * re - im * im, re * im + im * re);
    }

    double abs() {
        return Math.hypot(re, im);
    }

    /** Principal square root; the sign of a zero imaginary part picks the branch, as C99 csqrt does. */
    IirComplex sqrt() {
        if (re == 0.0 && im == 0.0) {
            return new IirComplex(0.0, im);
        }
        if (Double.isInfinite(im)) {
            return new IirComplex(Double.POSITIVE_INFINITY, im);
        }
        double t = Math.sqrt((Math.abs(re) + Math.hypot(re, im)) * 0.5);
        if (re >= 0.0) {
            return new IirComplex(t, im / (2.0 * t));
        }
        return new IirComplex(Math.abs(im) / (2.0 * t), Math.copySign(t, im));
    }

    /** {@code exp(i*theta)}: numpy evaluates {@code exp(0 + i*theta)} as {@code (cos theta, sin theta)}. */
    static IirComplex expI(double theta) {
        return new IirComplex(Math.cos(theta), Math.sin(theta));
    }
}
