/**
 * The researcher's runs: training runs as child processes of the {@code train} command, their live
 * dashboards, the workspace that keeps them, and run comparison.
 */
package org.ecgworkbench.app.runs;
