/** Dataset index, stratified multi-label splits, the on-disk tensor cache and DL4J iterators. Never imports JavaFX. */
package org.ecgworkbench.dataset;
