package org.ecgworkbench.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.ecgworkbench.dataset.Augmentation;
import org.ecgworkbench.dataset.CacheBatchIterator;
import org.ecgworkbench.dataset.CachedTensors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * A network's probabilities over a cached part, one row per record: a record cut into several
 * windows gets the maximum over its windows (as {@code predict} does), and its labels once.
 *
 * @param recordIds     record ids in cache order of first appearance
 * @param labels        true labels per record
 * @param probabilities pooled probabilities per record
 * @param loss          mean binary cross-entropy over windows and classes (no class weights)
 */
record PooledPredictions(List<String> recordIds, boolean[][] labels, float[][] probabilities, double loss) {

    private static final double EPS = 1e-7;

    /** Told after each batch: how many of the part's batches are done. */
    @FunctionalInterface
    interface BatchProgress {
        void batches(int done, int total);
    }

    static PooledPredictions of(ComputationGraph network, CachedTensors data, int batch, boolean demographics) {
        return of(network, data, batch, demographics, () -> false, (done, total) -> { });
    }

    /**
     * As {@link #of(ComputationGraph, CachedTensors, int, boolean)}, reporting each batch and
     * checking {@code cancelled} before each one.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancelled} turns true
     */
    static PooledPredictions of(ComputationGraph network, CachedTensors data, int batch, boolean demographics,
                                BooleanSupplier cancelled, BatchProgress progress) {
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        List<boolean[]> labels = new ArrayList<>();
        List<float[]> probs = new ArrayList<>();
        double lossSum = 0;
        long lossTerms = 0;
        int sample = 0;
        CacheBatchIterator it = new CacheBatchIterator(data, batch, false, 0, demographics, Augmentation.NONE, null);
        try {
            it.setEpoch(0);
            int total = it.batchesPerEpoch();
            int done = 0;
            while (it.hasNext()) {
                if (cancelled.getAsBoolean()) throw new CancellationException("cancelled");
                MultiDataSet mds = it.next();
                INDArray out = network.output(false, mds.getFeatures())[0];
                float[][] p = out.toFloatMatrix();
                float[][] y = mds.getLabels(0).toFloatMatrix();
                for (int r = 0; r < p.length; r++, sample++) {
                    for (int c = 0; c < p[r].length; c++) {
                        double q = Math.min(1 - EPS, Math.max(EPS, p[r][c]));
                        lossSum -= y[r][c] > 0.5 ? Math.log(q) : Math.log(1 - q);
                        lossTerms++;
                    }
                    String id = data.recordId(sample);
                    Integer row = rowOf.get(id);
                    if (row == null) {
                        rowOf.put(id, labels.size());
                        boolean[] truth = new boolean[y[r].length];
                        for (int c = 0; c < truth.length; c++) truth[c] = y[r][c] > 0.5f;
                        labels.add(truth);
                        probs.add(p[r].clone());
                    } else {
                        float[] pooled = probs.get(row);
                        for (int c = 0; c < pooled.length; c++) pooled[c] = Math.max(pooled[c], p[r][c]);
                    }
                }
                progress.batches(++done, total);
            }
        } finally {
            it.close();
        }
        return new PooledPredictions(List.copyOf(rowOf.keySet()), labels.toArray(new boolean[0][]),
                probs.toArray(new float[0][]), lossTerms == 0 ? Double.NaN : lossSum / lossTerms);
    }
}
