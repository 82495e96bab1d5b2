/**
 * The measurements room: the cart's measurement block above the paper, the per-lead table, the median beats with
 * their fiducials, and the measured statements beside the model's suggestions with their agreement marks. It
 * meets the viewer and the suggestions room only through the root MainViewModel.
 */
package org.ecgworkbench.app.measurements;
