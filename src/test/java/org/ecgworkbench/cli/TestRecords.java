package org.ecgworkbench.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgworkbench.record.wfdb.WfdbFormat;

/** Small records written by the tests themselves, in the challenge layout. */
final class TestRecords {
    private TestRecords() {
    }

    /** A 12-lead challenge-layout record (MAT v4 int16, 16+24) with the given gain and #Dx line. */
    static Path challengeRecord(Path dir, String id, int gain, String dx) throws IOException {
        String[] leads = {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};
        int n = 1000;
        int[][] s = new int[12][n];
        for (int l = 0; l < 12; l++) {
            for (int j = 0; j < n; j++) s[l][j] = (int) Math.round(800 * Math.sin(2 * Math.PI * j / 500.0 + l));
        }
        byte[] data = WfdbFormat.F16.encode(s);
        byte[] mat = new byte[24 + data.length];
        ByteBuffer.wrap(mat).order(ByteOrder.LITTLE_ENDIAN).putInt(30).putInt(12).putInt(n).putInt(0).putInt(4)
                .put(new byte[] {'v', 'a', 'l', 0}).put(data);
        Files.write(dir.resolve(id + ".mat"), mat);
        StringBuilder hea = new StringBuilder(id + " 12 500 " + n + " 05-May-2020 14:50:55\n");
        for (int l = 0; l < 12; l++) {
            long sum = 0;
            for (int v : s[l]) sum += v;
            hea.append(id).append(".mat 16+24 ").append(gain).append("/mV 16 0 ").append(s[l][0]).append(' ')
                    .append((short) sum).append(" 0 ").append(leads[l]).append('\n');
        }
        hea.append("#Age: 74\n#Sex: Male\n#Dx: ").append(dx).append("\n#Rx: Unknown\n#Hx: Unknown\n#Sx: Unknown\n");
        Path header = dir.resolve(id + ".hea");
        Files.writeString(header, hea);
        return header;
    }
}
