package org.ecgworkbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

class CacheBatchIteratorTest {
    static final int N = 10;
    static final int C = 12;
    static final int L = 50;

    @TempDir
    Path dir;
    CachedTensors data;
    final List<CacheBatchIterator> opened = new ArrayList<>();

    @BeforeEach
    void cache() throws IOException {
        data = TestCaches.simple(dir.resolve("t.ecgcache"), N, C, L);
    }

    @AfterEach
    void closeAll() {
        opened.forEach(CacheBatchIterator::close);
        data.close();
    }

    CacheBatchIterator iterator(int batch, boolean shuffle, long seed, boolean demo, Augmentation aug, double[] w, int prefetch) {
        CacheBatchIterator it = new CacheBatchIterator(data, batch, shuffle, seed, demo, aug, w, prefetch);
        opened.add(it);
        return it;
    }

    @Test
    void batchesHaveTheContractsShapesAndValuesWithTheLastPartialBatch() {
        CacheBatchIterator it = iterator(4, false, 1, true, Augmentation.NONE, null, 2);
        assertThat(it.batchesPerEpoch()).isEqualTo(3);
        assertThat(it.asyncSupported()).isFalse();
        List<Integer> sizes = new ArrayList<>();
        int sample = 0;
        while (it.hasNext()) {
            MultiDataSet b = it.next();
            INDArray f = b.getFeatures(0);
            INDArray d = b.getFeatures(1);
            INDArray l = b.getLabels(0);
            int size = (int) f.size(0);
            sizes.add(size);
            assertThat(f.dataType()).isEqualTo(DataType.FLOAT);
            assertThat(f.shape()).containsExactly(size, C, L);
            assertThat(f.ordering()).isEqualTo('c');
            assertThat(d.shape()).containsExactly(size, 2);
            assertThat(l.shape()).containsExactly(size, 24);
            for (int j = 0; j < size; j++, sample++) {
                assertThat(f.getFloat(j, 3, 7)).isEqualTo(TestCaches.value(sample, 3, 7));
                assertThat(f.getFloat(j, 11, L - 1)).isEqualTo(TestCaches.value(sample, 11, L - 1));
                assertThat(l.getFloat(j, sample % 3)).isEqualTo(1f);
                assertThat(l.getRow(j).sumNumber().floatValue()).isEqualTo(1f);
                float age = sample % 4 == 3 ? 0.5f : (20 + sample) / 100f;
                assertThat(d.getFloat(j, 0)).isEqualTo(age);
                assertThat(d.getFloat(j, 1)).isEqualTo(sample % 5 == 4 ? 0.5f : sample % 2);
            }
        }
        assertThat(sizes).containsExactly(4, 4, 2);
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        // Without demographics there is one input.
        MultiDataSet plain = iterator(4, false, 1, false, Augmentation.NONE, null, 0).next();
        assertThat(plain.getFeatures()).hasSize(1);
    }

    @Test
    void eachEpochIsAPermutationFromSeedAndEpoch() {
        CacheBatchIterator a = iterator(3, true, 42, false, Augmentation.NONE, null, 0);
        int[] e0 = a.epochOrder();
        a.setEpoch(1);
        int[] e1 = a.epochOrder();
        assertThat(sorted(e0)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(sorted(e1)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(e0).isNotEqualTo(e1);
        CacheBatchIterator b = iterator(3, true, 42, false, Augmentation.NONE, null, 0);
        b.setEpoch(1);
        assertThat(b.epochOrder()).isEqualTo(e1);
        CacheBatchIterator other = iterator(3, true, 43, false, Augmentation.NONE, null, 0);
        assertThat(other.epochOrder()).isNotEqualTo(e0);
        assertThat(iterator(3, false, 42, false, Augmentation.NONE, null, 0).epochOrder()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        // The batches follow the order.
        MultiDataSet first = a.next();
        for (int j = 0; j < 3; j++) assertThat(first.getFeatures(0).getFloat(j, 0, 0)).isEqualTo(TestCaches.value(e1[j], 0, 0));
    }

    @Test
    void aResumedRunSeesTheSameBatchesAugmentationIncluded() {
        Augmentation aug = new Augmentation(0.1, 0.05, 5, 0.1);
        CacheBatchIterator full = iterator(3, true, 9, true, aug, null, 2);
        full.setEpoch(2);
        List<float[]> expected = new ArrayList<>();
        while (full.hasNext()) expected.add(full.next().getFeatures(0).ravel().toFloatVector());

        CacheBatchIterator resumed = iterator(3, true, 9, true, aug, null, 2);
        resumed.setEpoch(2);
        resumed.skipBatches(2);
        assertThat(resumed.batchIndex()).isEqualTo(2);
        List<float[]> rest = new ArrayList<>();
        while (resumed.hasNext()) rest.add(resumed.next().getFeatures(0).ravel().toFloatVector());
        assertThat(rest).hasSize(2);
        assertThat(rest.get(0)).containsExactly(expected.get(2));
        assertThat(rest.get(1)).containsExactly(expected.get(3));
        // Augmentation changed the values, and differs between epochs.
        float plain = TestCaches.value(full.epochOrder()[0], 0, 10);
        assertThat(expected.get(0)[10]).isNotEqualTo(plain);
        resumed.setEpoch(3);
        assertThat(resumed.next().getFeatures(0).ravel().toFloatVector()).isNotEqualTo(expected.get(0));
    }

    @Test
    void prefetchedAndSynchronousBatchesAreIdentical() {
        Augmentation aug = new Augmentation(0.2, 0.1, 3, 0.2);
        CacheBatchIterator sync = iterator(4, true, 5, true, aug, null, 0);
        CacheBatchIterator async = iterator(4, true, 5, true, aug, null, 3);
        for (int epoch = 0; epoch < 2; epoch++) {
            sync.setEpoch(epoch);
            async.setEpoch(epoch);
            while (sync.hasNext()) {
                MultiDataSet s = sync.next();
                MultiDataSet a = async.next();
                assertThat(a.getFeatures(0)).isEqualTo(s.getFeatures(0));
                assertThat(a.getFeatures(1)).isEqualTo(s.getFeatures(1));
                assertThat(a.getLabels(0)).isEqualTo(s.getLabels(0));
            }
            assertThat(async.hasNext()).isFalse();
        }
    }

    @Test
    void resetStartsTheEpochOverInTheSameOrder() {
        CacheBatchIterator it = iterator(4, true, 3, false, Augmentation.NONE, null, 2);
        it.setEpoch(4);
        float[] first = it.next().getFeatures(0).ravel().toFloatVector();
        it.next();
        it.reset();
        assertThat(it.batchIndex()).isZero();
        assertThat(it.epoch()).isEqualTo(4);
        assertThat(it.next().getFeatures(0).ravel().toFloatVector()).containsExactly(first);
    }

    @Test
    void weightsDrawWithReplacementInProportion() {
        double[] w = new double[N];
        Arrays.fill(w, 1);
        w[0] = 9;
        w[5] = 0;
        CacheBatchIterator it = iterator(5, true, 1, false, Augmentation.NONE, w, 0);
        int[] counts = new int[N];
        int draws = 0;
        for (int e = 0; e < 400; e++) {
            it.setEpoch(e);
            for (int i : it.epochOrder()) {
                counts[i]++;
                draws++;
            }
        }
        assertThat(counts[5]).isZero();
        assertThat(counts[0] / (double) draws).isCloseTo(9.0 / 17, Offset.offset(0.02));
        assertThat(counts[1] / (double) draws).isCloseTo(1.0 / 17, Offset.offset(0.01));
        CacheBatchIterator again = iterator(5, true, 1, false, Augmentation.NONE, w, 0);
        again.setEpoch(399);
        assertThat(again.epochOrder()).isEqualTo(it.epochOrder());
        assertThat(it.batchesPerEpoch()).isEqualTo(2);
        assertThatThrownBy(() -> iterator(5, true, 1, false, Augmentation.NONE, new double[3], 0)).hasMessageContaining("3 sample weights");
    }

    @Test
    void aFailureOnThePrefetchThreadIsThrownByNext() {
        CacheBatchIterator it = iterator(4, false, 1, false, Augmentation.NONE, null, 2);
        data.close();
        assertThatThrownBy(it::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("batch 0").hasRootCauseMessage("cache " + data.file() + " is closed");
        assertThat(prefetchThreads()).isZero();
    }

    @Test
    void resetSetEpochSkipAndCloseLeaveNoThreadBehind() throws InterruptedException {
        int before = prefetchThreads();
        assertThat(before).isZero();
        CacheBatchIterator it = iterator(1, true, 1, false, Augmentation.NONE, null, 2);
        for (int round = 0; round < 20; round++) {
            it.next(); // starts a producer that fills its queue and waits
            switch (round % 3) {
                case 0 -> it.reset();
                case 1 -> it.setEpoch(round);
                default -> it.skipBatches(1);
            }
            assertThat(prefetchThreads()).isZero();
        }
        it.next();
        assertThat(prefetchThreads()).isEqualTo(1);
        it.close();
        assertThat(prefetchThreads()).isZero();
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(IllegalStateException.class);
        // An epoch consumed to the end lets its thread finish by itself.
        CacheBatchIterator done = iterator(4, false, 1, false, Augmentation.NONE, null, 2);
        while (done.hasNext()) done.next();
        for (int i = 0; i < 100 && prefetchThreads() > 0; i++) Thread.sleep(10);
        assertThat(prefetchThreads()).isZero();
    }

    private static int prefetchThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(CacheBatchIterator.THREAD_NAME) && t.isAlive()).count();
    }

    private static int[] sorted(int[] a) {
        int[] s = a.clone();
        Arrays.sort(s);
        return s;
    }
}
