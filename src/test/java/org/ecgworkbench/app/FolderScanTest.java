package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.ecgworkbench.dataset.DatasetScanner;
import org.junit.jupiter.api.Test;

class FolderScanTest {

    @Test
    void progressShowsCounts() {
        assertThat(FolderScan.describe(new DatasetScanner.Progress(
                DatasetScanner.Phase.FILES, 0, 0, 1234, 0, 0))).isEqualTo("Scanning: 1,234 files seen");
        assertThat(FolderScan.describe(new DatasetScanner.Progress(
                DatasetScanner.Phase.HEADERS, 120, 600, 1234, 117, 3)))
                .isEqualTo("Scanning: 1,234 files seen, 117 of 600 records read, 3 failed");
        assertThat(FolderScan.describe(new DatasetScanner.Progress(
                DatasetScanner.Phase.SIGNALS, 50, 597, 1234, 49, 4)))
                .isEqualTo("Checking signals: 49 of 597 records read, 4 failed");
    }
}
