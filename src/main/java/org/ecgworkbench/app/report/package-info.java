/**
 * The report room: one evaluation (a finished run's test part, or {@code evaluate --predictions} of
 * a bundle on a folder) as a sortable per-class table, the averages by their right names, the 2×2
 * counts, ROC and precision-recall curves of a chosen class, the class heat map, the records with
 * predicted against true labels, and exports as CSV, JSON and self-contained HTML.
 */
package org.ecgworkbench.app.report;
