/** Multi-label metrics, the CinC 2020 challenge metric and reports. Never imports DL4J or JavaFX. */
package org.ecgworkbench.eval;
