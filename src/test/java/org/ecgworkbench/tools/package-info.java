/**
 * Tooling that is not a test: the measured harnesses with a {@code main} (open-to-drawn, preview redraw,
 * the synthetic-ECG measurement table), which say in their header how to run them, and the
 * {@link org.ecgworkbench.tools.Screenshots} writer the screenshot tests share. Kept out of the packages
 * that mirror {@code src/main}, so those hold only tests and their fixtures.
 */
package org.ecgworkbench.tools;
