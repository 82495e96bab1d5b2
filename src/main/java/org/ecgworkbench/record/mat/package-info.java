/**
 * MATLAB files: MAT v4 matrix headers (the challenge's {@code .mat} signal files), MAT v5 files read through
 * JMatIO after a bounded walk of their structure, records assembled from a MAT v5 file without a header, and
 * the MAT v5 writer. Never uses {@link org.ecgworkbench.record.wfdb}. Read through
 * {@link org.ecgworkbench.record.EcgRecordReader}.
 */
package org.ecgworkbench.record.mat;
