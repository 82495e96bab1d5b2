package org.ecgworkbench.measure;

import java.util.OptionalDouble;

/**
 * Frontal-plane axes in degrees, in (-180, 180] (0 = lead I's direction, +90 = aVF's); empty when not measurable.
 */
public record FrontalAxes(OptionalDouble pDeg, OptionalDouble qrsDeg, OptionalDouble tDeg) {

    public static final FrontalAxes NONE = new FrontalAxes(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty());
}
