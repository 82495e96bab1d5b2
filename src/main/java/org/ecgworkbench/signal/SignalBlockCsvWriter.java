package org.ecgworkbench.signal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.record.LeadName;

/**
 * Writes a preprocessed block as CSV: {@code t,I,II,III,aVR,aVL,aVF,V1,…,V6,mask}, time in seconds
 * from the record's start, values as the float32 the model sees, mask 1 for real samples and 0 for padding.
 */
public final class SignalBlockCsvWriter {
    private SignalBlockCsvWriter() {
    }

    /** About the file's size: time, 12 leads at up to 12 characters each and the mask per sample (for the disk check). */
    public static long estimatedBytes(SignalBlock block) {
        return 256 + (long) block.length() * (22 + 12L * 13 + 2);
    }

    public static void write(SignalBlock block, Path target, boolean replace) throws IOException {
        float[][] values = block.toFloat();
        AtomicFiles.write(target, replace, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write("t");
            for (LeadName lead : LeadName.values()) w.write("," + lead.label());
            w.write(",mask\n");
            for (int i = 0; i < block.length(); i++) {
                w.write(Double.toString((block.startSample() + i) / block.fs()));
                for (float[] lead : values) {
                    w.write(',');
                    w.write(Float.toString(lead[i]));
                }
                w.write(block.mask()[i] ? ",1\n" : ",0\n");
            }
            w.flush();
        });
    }
}
