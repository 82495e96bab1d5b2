/**
 * ResNet-1D on Deeplearning4j: {@link org.ecgworkbench.model.ResNet1d} builds the networks,
 * {@link org.ecgworkbench.model.ModelBundleIO} reads and writes {@code *.ecgmodel} bundles (network +
 * metadata, checked like untrusted input), {@link org.ecgworkbench.model.Predictor} runs a bundle on
 * records, {@link org.ecgworkbench.model.Explainer} says where it looked (gradient × input, occlusion),
 * {@link org.ecgworkbench.model.ComputeDevice} chooses CPU or GPU before ND4J loads, and
 * {@link org.ecgworkbench.model.NetworkBenchmark} times a network for {@code bench}. Never imports JavaFX,
 * the command line or the app.
 */
package org.ecgworkbench.model;
