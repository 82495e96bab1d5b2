/** ResNet-1D builders, model bundles, the Predictor and explanations. Never imports JavaFX. */
package org.ecgworkbench.model;
