package org.ecgworkbench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Detection against LUDB's annotated QRS complexes (all records present, 150-ms window). */
class QrsDetectorLudbTest {

    @Test
    void detectsAnnotatedBeats() throws IOException {
        assumeTrue(LudbRecords.present(), "LUDB not present");
        DetectionScore total = new DetectionScore(0, 0, 0);
        for (LudbRecords.Entry e : LudbRecords.all()) {
            DetectionScore s = DetectionScore.of(QrsDetector.detect(e.leads()), e.reference(), e.leads().fs());
            if (s.falseNegatives() + s.falsePositives() > 0) System.out.println("LUDB " + e.number() + ": " + s);
            total = total.plus(s);
        }
        System.out.println("LUDB QRS detection, " + LudbRecords.all().size() + " records: " + total);
        assertThat(total.sensitivity()).isGreaterThanOrEqualTo(0.995);
        assertThat(total.positivePredictivity()).isGreaterThanOrEqualTo(0.995);
    }
}
