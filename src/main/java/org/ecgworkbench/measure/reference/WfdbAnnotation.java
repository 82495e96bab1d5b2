package org.ecgworkbench.measure.reference;

/**
 * One annotation of a WFDB annotation file.
 *
 * @param sample  sample number (time) the annotation marks
 * @param code    annotation code (0..49, {@link AnnotationCodes})
 * @param subtype the SUB field (0 when absent; applies to this annotation only)
 * @param channel the CHN field (persists until changed, as in the WFDB library)
 * @param num     the NUM field (persists until changed)
 * @param aux     the AUX string, empty when absent (read as ISO-8859-1)
 */
public record WfdbAnnotation(long sample, int code, int subtype, int channel, int num, String aux) {

    /** The code's mnemonic symbol: {@code N}, {@code p}, {@code t}, {@code (}, {@code )}, ... */
    public String symbol() {
        return AnnotationCodes.symbol(code);
    }
}
