/**
 * Signal preprocessing: the serialisable {@link org.ecgworkbench.signal.Pipeline} and its steps (resampling,
 * filters, normalisation, length policies) over {@link org.ecgworkbench.signal.SignalBlock}s. The scipy
 * equivalents the steps run on live in {@link org.ecgworkbench.signal.dsp}. Never imports DL4J or JavaFX.
 */
package org.ecgworkbench.signal;
