package org.ecgworkbench.measure;

import java.util.List;

/**
 * The QRS waves of one lead by name (null: absent). Named in order of appearance: an initial negative wave is Q,
 * the first positive wave R, the negative wave after R is S, the next positive R′ and the negative after it S′;
 * later waves go unnamed. A complex without a positive wave is a QS: its one negative wave is both Q and S.
 */
record QrsWaves(Deflections.Wave q, Deflections.Wave r, Deflections.Wave s, Deflections.Wave rPrime,
                Deflections.Wave sPrime) {

    /** @param waves the significant waves inside the QRS, in order, alternating in sign */
    static QrsWaves name(List<Deflections.Wave> waves) {
        if (waves.isEmpty()) return new QrsWaves(null, null, null, null, null);
        boolean anyPositive = waves.stream().anyMatch(Deflections.Wave::positive);
        if (!anyPositive) {
            // A QS complex; a notch barely crossing the level does not split it (see Deflections).
            Deflections.Wave qs = waves.get(0);
            return new QrsWaves(qs, null, qs, null, null);
        }
        int k = 0;
        Deflections.Wave q = null;
        if (!waves.get(0).positive()) q = waves.get(k++);
        Deflections.Wave r = at(waves, k++);
        Deflections.Wave s = at(waves, k++);
        Deflections.Wave rPrime = at(waves, k++);
        Deflections.Wave sPrime = at(waves, k);
        return new QrsWaves(q, r, s, rPrime, sPrime);
    }

    private static Deflections.Wave at(List<Deflections.Wave> waves, int k) {
        return k < waves.size() ? waves.get(k) : null;
    }
}
