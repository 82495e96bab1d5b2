/**
 * The preview room: one lead of the viewer's record after every step of a preprocessing pipeline, with the
 * spectra before and after and comparisons. {@link org.ecgworkbench.app.preview.PreviewRoom} loads
 * {@code Preview.fxml} + {@link org.ecgworkbench.app.preview.PreviewController} over
 * {@link org.ecgworkbench.app.preview.PreviewViewModel}.
 */
package org.ecgworkbench.app.preview;
