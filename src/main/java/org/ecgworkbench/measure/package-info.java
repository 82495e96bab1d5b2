/**
 * Clinical measurements (issue 16): multi-lead QRS detection, beat typing, median beats, delineation
 * and global intervals, interpretation statements. Builds on record, signal and label (the statements' codes); never
 * imports DL4J or JavaFX.
 */
package org.ecgworkbench.measure;
