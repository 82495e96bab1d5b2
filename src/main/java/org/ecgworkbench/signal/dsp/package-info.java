/**
 * The numerics under the preprocessing steps: Java equivalents of the scipy and numpy functions the
 * reference pipeline calls, agreeing with them to rounding (about 1e-15 of a signal's range) and checked
 * against golden vectors that the scripts in {@code src/test/python} write with scipy. Uses neither
 * DL4J nor JavaFX, and nothing of {@code org.ecgworkbench.signal} above it: the steps there call into
 * this package, never the other way.
 *
 * <table>
 *   <caption>What each class reproduces, and where its golden vectors are</caption>
 *   <tr><th>Class</th><th>Reproduces</th><th>Golden vectors (written by)</th></tr>
 *   <tr><td>{@link org.ecgworkbench.signal.dsp.ButterworthDesign}</td>
 *       <td>{@code scipy.signal.butter} ({@code buttap}, {@code lp2lp_zpk}, {@code lp2hp_zpk},
 *       {@code lp2bp_zpk}, {@code bilinear_zpk})</td>
 *       <td rowspan="8">{@code src/test/resources/golden/filter} ({@code make_filter_golden.py}),
 *       read by {@code FilterGoldenTest}</td></tr>
 *   <tr><td>{@link org.ecgworkbench.signal.dsp.NotchDesign}</td><td>{@code scipy.signal.iirnotch}</td></tr>
 *   <tr><td>{@code Zpk}, {@code IirComplex}</td>
 *       <td>{@code zpk2tf}, {@code zpk2sos} (pairing {@code 'nearest'}); numpy's complex128 arithmetic</td></tr>
 *   <tr><td>{@link org.ecgworkbench.signal.dsp.IirFilters}</td>
 *       <td>the designs above applied zero-phase, choosing filtfilt or sosfiltfilt as scipy users do</td></tr>
 *   <tr><td>{@link org.ecgworkbench.signal.dsp.IirBaFiltFilt}</td><td>{@code scipy.signal.filtfilt(b, a, x)}</td></tr>
 *   <tr><td>{@link org.ecgworkbench.signal.dsp.SosFiltFilt}</td><td>{@code scipy.signal.sosfiltfilt(sos, x)}</td></tr>
 *   <tr><td>{@code IirSteadyState}</td><td>{@code scipy.signal.lfilter_zi}, {@code sosfilt_zi}</td></tr>
 *   <tr><td>{@code IirCascadeFilter}, {@code IirKernels},
 *       {@link org.ecgworkbench.signal.dsp.ZeroPhaseFilter}</td>
 *       <td>the padding and the {@code lfilter}/{@code sosfilt} recursion both forms share</td></tr>
 *   <tr><td>{@link org.ecgworkbench.signal.dsp.FftResampler}, {@code FftPairs}</td>
 *       <td>{@code scipy.signal.resample(x, num)} (one lead, or two at once)</td>
 *       <td rowspan="4">{@code src/test/resources/golden/resample} ({@code make_resample_golden.py}),
 *       read by {@code ResampleGoldenTest}</td></tr>
 *   <tr><td>{@link org.ecgworkbench.signal.dsp.PolyphaseResampler}, {@code PolyphaseFilter}</td>
 *       <td>{@code scipy.signal.resample_poly(x, up, down)} ({@code upfirdn} with its default window)</td></tr>
 *   <tr><td>{@link org.ecgworkbench.signal.dsp.Firwin}</td>
 *       <td>{@code scipy.signal.firwin(numtaps, cutoff, window=...)}, the low-pass case</td></tr>
 *   <tr><td>{@link org.ecgworkbench.signal.dsp.KaiserWindow}</td><td>{@code scipy.signal.windows.kaiser}</td></tr>
 *   <tr><td>{@code FftPlanCache}</td><td>(no scipy counterpart: JTransforms plans, cached by length)</td>
 *       <td>covered through the resamplers</td></tr>
 *   <tr><td>{@link org.ecgworkbench.signal.dsp.MagnitudeSpectrum}</td>
 *       <td>{@code abs(numpy.fft.rfft(x * w))}, {@code w = scipy.signal.get_window('hann', n)}</td>
 *       <td>{@code src/test/resources/golden/spectrum} ({@code make_spectrum_golden.py}),
 *       read by {@code MagnitudeSpectrumTest}</td></tr>
 *   <tr><td>{@code FilterArguments}</td><td>(the argument checks scipy makes, with messages naming the parameter)</td>
 *       <td>{@code IirFiltersValidationTest}</td></tr>
 * </table>
 *
 * <p>The whole preprocessing chain, steps included, is checked end to end against
 * {@code src/test/resources/golden/pipeline} ({@code make_pipeline_golden.py}, {@code PipelineGoldenTest}).
 */
package org.ecgworkbench.signal.dsp;
