package org.ecgworkbench.record.mat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.LeadName;
import org.ecgworkbench.record.PlainNumber;
import org.ecgworkbench.record.RecordFormatException;

/**
 * Builds records from MAT files that have no WFDB header beside them: the CPSC 2018 originals
 * (struct {@code ECG}: 12×N mV at 500 Hz, age, sex) and MAT v5 files written by
 * {@link Mat5Writer} ({@code val} in mV with {@code fs} and {@code leads}).
 */
public final class Mat5RecordAssembler {
    private Mat5RecordAssembler() {
    }

    public static EcgRecord read(Path file) throws RecordFormatException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(128);
        } catch (IOException e) {
            throw new RecordFormatException(file, null, "cannot read: " + e.getMessage(), e);
        }
        if (!Mat5Reader.isMat5(head)) {
            throw new RecordFormatException(file, null, Mat4Header.looksLikeMat4(head)
                    ? "a MAT v4 signal file needs its .hea header beside it"
                    : "has no header file beside it and is not a MATLAB v5 file");
        }
        String stem = stem(file);
        Mat5Content content = Mat5Reader.read(file);
        List<String> warnings = new ArrayList<>();
        if (content instanceof Mat5Content.CpscEcg cpsc) {
            warnings.add("no header: CPSC 2018 original read at " + PlainNumber.format(Mat5Content.CpscEcg.SAMPLING_FREQUENCY_HZ)
                    + " Hz with leads in the CPSC order I, II, III, aVR, aVL, aVF, V1–V6");
            float[][] rows = cpsc.leadsMv();
            List<Lead> leads = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                String name = rows.length == LeadName.values().length ? LeadName.values()[i].label() : "signal " + (i + 1);
                leads.add(physicalLead(name, rows[i]));
            }
            return EcgRecordReader.assemble(stem, file, Mat5Content.CpscEcg.SAMPLING_FREQUENCY_HZ, leads, cpsc.age(),
                    cpsc.sex(), List.of(), false, warnings, Optional.empty());
        }
        Mat5Content.Signals s = (Mat5Content.Signals) content;
        if (s.fs().isEmpty()) {
            throw new RecordFormatException(file, "variable fs",
                    "a MAT v5 'val' matrix without a header needs an 'fs' variable (or a .hea beside it)");
        }
        List<Lead> leads = new ArrayList<>();
        double[][] rows = s.rows();
        for (int i = 0; i < rows.length; i++) {
            String name = i < s.leadNames().size() && !s.leadNames().get(i).isEmpty() ? s.leadNames().get(i) : "signal " + (i + 1);
            float[] mv = new float[rows[i].length];
            for (int j = 0; j < mv.length; j++) mv[j] = (float) rows[i][j];
            leads.add(physicalLead(name, mv));
        }
        return EcgRecordReader.assemble(s.id().orElse(stem), file, s.fs().getAsDouble(), leads, s.age(), s.sex(), s.dx(),
                false, warnings, Optional.empty());
    }

    /** A lead stored in millivolts: no ADC values, so no gain. */
    private static Lead physicalLead(String name, float[] mv) {
        return new Lead(LeadName.normalise(name), name, Double.NaN, 0, "mV", mv, null, Optional.empty());
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
