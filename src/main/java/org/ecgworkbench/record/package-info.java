/** Reading and writing ECG records: the WFDB header model and parser, MAT v4/v5 and WFDB .dat signal readers, EcgRecord (leads in physical units), writers. */
package org.ecgworkbench.record;
