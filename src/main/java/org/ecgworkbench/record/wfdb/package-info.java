/**
 * WFDB records: the header model, its parser and writer, comment lines as the challenge writes them, the
 * {@code .dat} sample formats, the signal reader (which reads the challenge's {@code .mat} signal files
 * through {@link org.ecgworkbench.record.mat}), the signal-file size checks of a scan and the challenge
 * layout's writer. Read through {@link org.ecgworkbench.record.EcgRecordReader}.
 */
package org.ecgworkbench.record.wfdb;
