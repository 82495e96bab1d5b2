package org.ecgworkbench.dataset;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batches from a {@link CachedTensors} for a DL4J {@code ComputationGraph}.
 *
 * <p><b>Arrays</b>: features[0] is {@code [b, channels, length]} float32 (NCW, as
 * {@code Convolution1DLayer} with {@code RNNFormat.NCW} takes it); with demographics, features[1] is
 * {@code [b, 2]}: age / 100 (an unknown age, or one outside 0–120, is 0.5: about the middle of the
 * challenge's ages, so "unknown" sits where it pulls the output least) and sex (1 male, 0 female,
 * 0.5 unknown). labels[0] is {@code [b, classes]}. The last, partial batch of an epoch is included.
 *
 * <p><b>Order</b>: an epoch's order is a function of (seed, epoch) only: the identity without
 * shuffling, a permutation with it, and with sample weights {@code size()} draws with replacement,
 * each index with probability ∝ its weight (oversampling rare classes). Augmentation draws its
 * randomness from (seed, epoch, position in the epoch). So a run resumed with {@link #setEpoch} and
 * {@link #skipBatches} sees exactly the batches the interrupted run would have seen.
 *
 * <p><b>Epochs</b>: call {@link #setEpoch} before each epoch; {@link #reset()} starts the current epoch
 * over (same order), which is what DL4J does when it finds the iterator exhausted.
 *
 * <p><b>Prefetch</b>: a daemon thread builds the next few batches (a bounded queue) while the network
 * trains on the current one. A failure there is thrown from {@link #next()}; {@link #reset()},
 * {@link #setEpoch}, {@link #skipBatches} and {@link #close()} stop the thread and wait for it, so no
 * thread outlives them. The thread also ends by itself at the end of an epoch.
 * {@link #asyncSupported()} is false so DL4J does not wrap this in a second prefetching iterator.
 * Not for use by several consumer threads at once.
 */
public final class CacheBatchIterator implements MultiDataSetIterator, AutoCloseable {
    private static final long serialVersionUID = 1L;

    /** Batches built ahead by default. */
    public static final int DEFAULT_PREFETCH = 3;
    static final String THREAD_NAME = "ecg-batch-prefetch";
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final float UNKNOWN = 0.5f;

    private final transient CachedTensors data;
    private final int batch;
    private final boolean shuffle;
    private final long seed;
    private final boolean demographics;
    private final Augmentation augmentation;
    private final double[] cumulativeWeights;
    private final int prefetch;
    private final int valuesPerSample;
    private final double fs;

    private int epoch;
    private int cursor;
    private int[] order;
    private transient MultiDataSetPreProcessor preProcessor;
    private transient Producer producer;
    private boolean closed;

    /**
     * @param sampleWeights null for every sample once per epoch; otherwise one non-negative weight per
     *                      sample, and each epoch draws {@code size()} samples with replacement ∝ weight
     */
    public CacheBatchIterator(CachedTensors data, int batch, boolean shuffle, long seed, boolean demographics,
                              Augmentation augmentation, double[] sampleWeights) {
        this(data, batch, shuffle, seed, demographics, augmentation, sampleWeights, DEFAULT_PREFETCH);
    }

    /** @param prefetch batches built ahead on a background thread; 0 builds each batch in {@link #next()} */
    public CacheBatchIterator(CachedTensors data, int batch, boolean shuffle, long seed, boolean demographics,
                              Augmentation augmentation, double[] sampleWeights, int prefetch) {
        this.data = Objects.requireNonNull(data, "data");
        if (batch < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batch);
        if (prefetch < 0) throw new IllegalArgumentException("prefetch must be >= 0, got " + prefetch);
        this.batch = batch;
        this.shuffle = shuffle;
        this.seed = seed;
        this.demographics = demographics;
        this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
        this.cumulativeWeights = sampleWeights == null ? null : cumulative(sampleWeights, data.size());
        this.prefetch = prefetch;
        this.valuesPerSample = data.channels() * data.length();
        this.fs = data.fs() > 0 ? data.fs() : 500;
    }

    private static double[] cumulative(double[] weights, int n) {
        if (weights.length != n) throw new IllegalArgumentException(weights.length + " sample weights for " + n + " samples");
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) throw new IllegalArgumentException("sample weight " + i + " is " + weights[i]);
            sum += weights[i];
            c[i] = sum;
        }
        if (n > 0 && sum <= 0) throw new IllegalArgumentException("sample weights are all zero");
        return c;
    }

    /** Batches in an epoch (the last may be partial). */
    public int batchesPerEpoch() {
        return (data.size() + batch - 1) / batch;
    }

    /** Starts epoch {@code epoch} from its first batch, with that epoch's order. */
    public void setEpoch(int epoch) {
        if (epoch < 0) throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        stopProducer();
        this.epoch = epoch;
        this.order = null;
        this.cursor = 0;
    }

    public int epoch() {
        return epoch;
    }

    /** The index in the epoch of the batch {@link #next()} gives next. */
    public int batchIndex() {
        return cursor;
    }

    /** Skips {@code n} batches without building them: resuming mid-epoch after a checkpoint. */
    public void skipBatches(int n) {
        if (n < 0) throw new IllegalArgumentException("cannot skip " + n + " batches");
        stopProducer();
        cursor = (int) Math.min(batchesPerEpoch(), (long) cursor + n);
    }

    @Override
    public boolean hasNext() {
        return !closed && cursor < batchesPerEpoch();
    }

    @Override
    public MultiDataSet next() {
        if (closed) throw new IllegalStateException("iterator is closed");
        if (!hasNext()) throw new NoSuchElementException("epoch " + epoch + " has " + batchesPerEpoch() + " batches");
        MultiDataSet out;
        if (prefetch == 0) {
            out = build(cursor);
        } else {
            if (producer == null) startProducer();
            out = producer.take(cursor);
        }
        cursor++;
        if (preProcessor != null) preProcessor.preProcess(out);
        return out;
    }

    @Override
    public MultiDataSet next(int num) {
        throw new UnsupportedOperationException("the batch size is fixed at " + batch);
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    /** False: this iterator prefetches itself; DL4J must not wrap it in another asynchronous iterator. */
    @Override
    public boolean asyncSupported() {
        return false;
    }

    /** Starts the current epoch over, same order. */
    @Override
    public void reset() {
        stopProducer();
        cursor = 0;
    }

    /** Stops the prefetch thread; the iterator gives no more batches. Does not close the data. */
    @Override
    public void close() {
        stopProducer();
        closed = true;
    }

    /** The sample indices of the current epoch, in order (a copy). */
    int[] epochOrder() {
        return order().clone();
    }

    private int[] order() {
        if (order == null) order = orderOf(epoch);
        return order;
    }

    private int[] orderOf(int e) {
        int n = data.size();
        int[] o = new int[n];
        if (n == 0) return o;
        Random random = new Random(mix(seed, e, -1));
        if (cumulativeWeights != null) {
            double total = cumulativeWeights[n - 1];
            for (int k = 0; k < n; k++) {
                double u = random.nextDouble() * total;
                int i = Arrays.binarySearch(cumulativeWeights, u);
                i = i >= 0 ? i + 1 : -i - 1; // first index whose cumulative weight exceeds u
                while (i < n - 1 && cumulativeWeights[i] <= u) i++;
                o[k] = Math.min(i, n - 1);
            }
            return o;
        }
        for (int i = 0; i < n; i++) o[i] = i;
        if (shuffle) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = o[i];
                o[i] = o[j];
                o[j] = t;
            }
        }
        return o;
    }

    /** SplitMix64 finaliser over (seed, epoch, position): independent streams for each use. */
    static long mix(long seed, long epoch, long position) {
        long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1) + 0xD1B54A32D192ED03L * (position + 2);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Batch {@code b} of the current epoch (thread-safe: reads the order and the mapped data only). */
    private MultiDataSet build(int b) {
        int[] o = order();
        int from = b * batch;
        int size = Math.min(batch, o.length - from);
        int classes = data.classes();
        float[] features = new float[size * valuesPerSample];
        float[] labels = new float[size * classes];
        float[] demo = demographics ? new float[size * 2] : null;
        for (int j = 0; j < size; j++) {
            int i = o[from + j];
            data.signal(i, features, j * valuesPerSample);
            if (augmentation.enabled()) {
                SignalAugmenter.apply(features, j * valuesPerSample, data.channels(), data.length(), fs, augmentation,
                        new Random(mix(seed, epoch, from + j)));
            }
            for (int c = 0; c < classes; c++) labels[j * classes + c] = data.label(i, c);
            if (demo != null) {
                float age = data.age(i);
                float sex = data.sex(i);
                demo[2 * j] = Float.isNaN(age) || age < 0 || age > 120 ? UNKNOWN : age / 100f;
                demo[2 * j + 1] = Float.isNaN(sex) ? UNKNOWN : sex;
            }
        }
        INDArray f = array(features, size, data.channels(), data.length());
        INDArray l = array(labels, size, classes);
        INDArray[] in = demo == null ? new INDArray[] {f} : new INDArray[] {f, array(demo, size, 2)};
        return new org.nd4j.linalg.dataset.MultiDataSet(in, new INDArray[] {l});
    }

    private static INDArray array(float[] values, long... shape) {
        return Nd4j.create(values, shape, Nd4j.getStrides(shape, 'c'), 'c', DataType.FLOAT);
    }

    private void startProducer() {
        order(); // computed here, before the thread reads it
        producer = new Producer(cursor, epoch);
        producer.thread.start();
    }

    private void stopProducer() {
        if (producer != null) {
            producer.stop();
            producer = null;
        }
    }

    /** A batch built ahead, or what went wrong building it. */
    private record Item(int batch, MultiDataSet data, Throwable failure) {
    }

    /** Builds batches start, start+1, … of one epoch into a bounded queue, then ends. */
    private final class Producer implements Runnable {
        private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(prefetch);
        private final int start;
        private final int forEpoch;
        private final Thread thread;
        private volatile boolean stopped;

        Producer(int start, int forEpoch) {
            this.start = start;
            this.forEpoch = forEpoch;
            this.thread = new Thread(this, THREAD_NAME + "-" + THREADS.incrementAndGet());
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            int end = batchesPerEpoch();
            for (int b = start; b < end && !stopped; b++) {
                Item item;
                try {
                    item = new Item(b, build(b), null);
                } catch (Throwable t) {
                    item = new Item(b, null, t);
                }
                if (!put(item) || item.failure() != null) return;
            }
        }

        /** Polls instead of blocking forever, so stop() never needs to interrupt a thread inside ND4J. */
        private boolean put(Item item) {
            try {
                while (!stopped) {
                    if (queue.offer(item, 20, TimeUnit.MILLISECONDS)) return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        MultiDataSet take(int expected) {
            Item item;
            try {
                while (true) {
                    item = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (item != null) break;
                    if (!thread.isAlive() && queue.isEmpty()) {
                        throw new IllegalStateException("prefetch thread ended before batch " + expected + " of epoch " + forEpoch);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for batch " + expected, e);
            }
            if (item.failure() != null) {
                stopProducer();
                if (item.failure() instanceof Error err) throw err;
                throw new IllegalStateException("could not build batch " + item.batch() + " of epoch " + forEpoch + ": "
                        + item.failure().getMessage(), item.failure());
            }
            if (item.batch() != expected) throw new IllegalStateException("prefetch gave batch " + item.batch() + ", expected " + expected);
            return item.data();
        }

        void stop() {
            stopped = true;
            boolean interrupted = false;
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            queue.clear();
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
