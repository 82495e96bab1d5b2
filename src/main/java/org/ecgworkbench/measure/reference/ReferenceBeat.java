package org.ecgworkbench.measure.reference;

/**
 * One beat of the reference, combined over the annotated leads (sample numbers; -1 when absent).
 *
 * @param qrsPeak  median of the leads' QRS peak marks (the beat's position)
 * @param qrsOnset earliest QRS onset over the leads
 * @param qrsOffset latest QRS offset
 * @param pOnset   earliest onset of the P wave preceding this QRS, -1 without P
 * @param pOffset  latest offset of that P wave
 * @param tOffset  latest offset of the T wave following this QRS, -1 without T
 */
public record ReferenceBeat(long qrsPeak, long qrsOnset, long qrsOffset, long pOnset, long pOffset, long tOffset) {

    public boolean hasP() {
        return pOnset >= 0 && pOffset >= 0;
    }
}
