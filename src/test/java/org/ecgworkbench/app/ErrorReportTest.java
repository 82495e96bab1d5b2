package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The details a user copies into a bug report: when, where, which version, the log, the whole trace. */
class ErrorReportTest {

    @Test
    void detailsHoldTheContextAndTheTraceWithItsCause() {
        Exception error = new IllegalStateException("no lead II", new IOException("disk gone"));
        ErrorReport r = new ErrorReport(Instant.parse("2026-12-07T23:00:00Z"), "JavaFX Application Thread", "0.1.0",
                Path.of("/home/ann/.config/ecg-workbench/logs/workbench-0.log"), error);
        assertThat(r.summary()).isEqualTo("IllegalStateException: no lead II");
        assertThat(r.details()).contains("ECG Workbench 0.1.0").contains("time: 2026-12-07T23:00:00Z")
                .contains("thread: JavaFX Application Thread").contains("log: /home/ann/.config/ecg-workbench/logs/workbench-0.log")
                .contains("java.lang.IllegalStateException: no lead II").contains("Caused by: java.io.IOException: disk gone")
                .contains("\tat org.ecgworkbench.app.ErrorReportTest");
    }

    @Test
    void withoutAMessageOrALogFileItSaysSo() {
        ErrorReport r = new ErrorReport(Instant.EPOCH, "worker", "dev", null, new NullPointerException());
        assertThat(r.summary()).isEqualTo("NullPointerException");
        assertThat(r.details()).contains("log: (none)");
    }
}
