/**
 * Clinical measurements (issue 16): multi-lead QRS detection, beat typing, median beats, delineation
 * and global intervals. Builds on record and signal only; never imports DL4J or JavaFX.
 */
package org.ecgworkbench.measure;
