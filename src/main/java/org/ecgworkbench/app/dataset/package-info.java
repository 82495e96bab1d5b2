/**
 * The dataset room: scans folders of records ({@link org.ecgworkbench.app.FolderScan}), filters them, shows the
 * class distribution and the files that failed; a record opened here is shown in the viewer through
 * {@link org.ecgworkbench.app.MainViewModel#open}. {@code DatasetBrowser.fxml} +
 * {@link org.ecgworkbench.app.dataset.DatasetBrowserController} over
 * {@link org.ecgworkbench.app.dataset.DatasetBrowserViewModel}.
 */
package org.ecgworkbench.app.dataset;
