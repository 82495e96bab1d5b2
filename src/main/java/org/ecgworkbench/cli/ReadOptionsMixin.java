package org.ecgworkbench.cli;

import org.ecgworkbench.record.ReadOptions;
import picocli.CommandLine.Option;

/** The record-reading options shared by every command that reads a record. */
final class ReadOptionsMixin {
    @Option(names = "--no-gain-correction",
            description = "use the header gains as written (no CinC 2020 gain correction for Georgia, PTB-XL, PTB)")
    boolean noGainCorrection;

    ReadOptions readOptions() {
        return noGainCorrection ? ReadOptions.AS_WRITTEN : ReadOptions.DEFAULT;
    }
}
