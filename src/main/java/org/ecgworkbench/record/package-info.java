/**
 * ECG records: {@link org.ecgworkbench.record.EcgRecord} (leads in physical units), the reader facade
 * {@link org.ecgworkbench.record.EcgRecordReader} that picks the format, the locator, limits, record-folder
 * confinement, errors and atomic writing. Each format lives in a subpackage that uses this one:
 * {@link org.ecgworkbench.record.wfdb} (headers, {@code .dat} signal files, the challenge layout) and
 * {@link org.ecgworkbench.record.mat} (MAT v4 headers, MAT v5 files).
 */
package org.ecgworkbench.record;
