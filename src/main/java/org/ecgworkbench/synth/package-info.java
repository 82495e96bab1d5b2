/** Synthetic 12-lead ECG generator. Never imports DL4J or JavaFX. */
package org.ecgworkbench.synth;
