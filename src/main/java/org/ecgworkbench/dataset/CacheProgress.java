package org.ecgworkbench.dataset;

/** Progress of a tensor-cache build: records preprocessed (or failed) so far, out of the total. */
public record CacheProgress(int done, int total) {
}
