package org.ecgworkbench.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.ScoredClass;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Sex;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.ecgworkbench.signal.PipelineStep;
import org.ecgworkbench.signal.LengthStep;
import org.ecgworkbench.signal.SignalBlock;
import org.ecgworkbench.signal.SignalWindows;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a bundle on records: the bundle's own pipeline (the one it was trained behind) turns a record
 * into one block or several windows; they go through the network in batches of {@value #MAX_BATCH}; the record's
 * probability for a class is the maximum over its windows; the bundle's per-class thresholds decide.
 *
 * <p>By default inference uses {@link BatchNormFolding}'s graph (BN folded into the convolutions),
 * which measured faster than the trained graph and agrees with it to 1e-5.
 *
 * <p>Thread safety: a Predictor may be shared; calls are serialised (DL4J graphs keep per-call state
 * in their vertices). For parallel inference use one Predictor per thread.
 */
public final class Predictor {
    /** Windows per forward pass: bounds native memory for very long recordings. */
    static final int MAX_BATCH = 8;

    private final BundleMetadata metadata;
    private final ComputationGraph network;
    private final Pipeline pipeline;
    private final List<String> names;
    private final boolean folded;

    /** The fast path: BatchNormalization folded into the convolutions. */
    public Predictor(ModelBundle bundle) {
        this(bundle, true);
    }

    /** @param foldBatchNorm whether to infer with the folded graph (faster) or the trained graph as it is */
    public Predictor(ModelBundle bundle, boolean foldBatchNorm) {
        NativeBackend.prepare();
        this.metadata = bundle.metadata();
        this.pipeline = inferencePipeline(PipelineJson.read(metadata.pipelineJson()));
        this.network = foldBatchNorm ? BatchNormFolding.fold(bundle.network(), metadata.network()) : bundle.network();
        this.folded = foldBatchNorm;
        DiagnosisCatalogue catalogue = DiagnosisCatalogue.standard();
        List<String> n = new ArrayList<>();
        for (int i = 0; i < metadata.codes().size(); i++) {
            String code = metadata.codes().get(i);
            String abbrev = metadata.abbreviations().get(i);
            n.add(catalogue.scoredClassOf(code).map(ScoredClass::name).orElse(abbrev));
        }
        this.names = List.copyOf(n);
    }

    public BundleMetadata metadata() {
        return metadata;
    }

    /** The pipeline records go through here: the bundle's, windowed for long recordings (see {@link #inferencePipeline}). */
    public Pipeline pipeline() {
        return pipeline;
    }

    /**
     * The pipeline used for inference: the training pipeline, except that a final "truncate or pad at
     * the end" step becomes "windows of the same length, back to back" — training saw the first
     * {@code n} samples of each record, but a suggestion for a long recording must look at all of it
     * (windows max-pooled). A record no longer than one window gives exactly what the training
     * pipeline gives (one block, padded at the end).
     */
    public static Pipeline inferencePipeline(Pipeline trained) {
        List<PipelineStep> steps = new ArrayList<>(trained.steps());
        if (!steps.isEmpty() && steps.get(steps.size() - 1) instanceof LengthStep last
                && last.policy() == LengthStep.Policy.END && last.samples() > 0) {
            steps.set(steps.size() - 1, new LengthStep(last.samples(), LengthStep.Policy.WINDOWS, last.samples()));
            return new Pipeline(steps);
        }
        return trained;
    }

    public boolean batchNormFolded() {
        return folded;
    }

    /**
     * Preprocesses, infers, pools and thresholds one record. The windows are made a batch at a time
     * ({@link Pipeline#windows}), so a long recording never has all of them in memory; the batches are
     * the same as when they were all made first, hence the same probabilities.
     */
    public RecordPrediction predict(EcgRecord record) {
        SignalWindows blocks = pipeline.windows(record);
        if (blocks.count() == 0) throw new IllegalArgumentException(record.id() + ": the pipeline produced no signal block");
        NetworkSpec spec = metadata.network();
        float[] d = spec.demographics() ? demographics(record) : null;
        float[] pooled = null;
        List<WindowPrediction> timeline = new ArrayList<>(blocks.count());
        for (int start = 0; start < blocks.count(); start += MAX_BATCH) {
            int n = Math.min(MAX_BATCH, blocks.count() - start);
            float[][] signals = new float[n][];
            float[][] demo = d == null ? null : new float[n][];
            double[][] spans = new double[n][];
            for (int i = 0; i < n; i++) {
                SignalBlock b = blocks.get(start + i);
                if (b.length() != spec.length()) {
                    throw new IllegalArgumentException(record.id() + ": the bundle's pipeline gives " + b.length()
                            + " samples per lead but the network takes " + spec.length());
                }
                signals[i] = flatten(b);
                spans[i] = new double[] {b.startSample() / b.fs(), b.length() / b.fs()};
                if (demo != null) demo[i] = d;
            }
            float[][] out = predictBatch(signals, demo);
            for (int i = 0; i < n; i++) {
                if (pooled == null) pooled = out[i].clone();
                for (int c = 0; c < pooled.length; c++) pooled[c] = Math.max(pooled[c], out[i][c]);
                timeline.add(new WindowPrediction(spans[i][0], spans[i][1], out[i]));
            }
        }
        double[] thresholds = metadata.thresholds();
        List<ClassPrediction> predictions = new ArrayList<>();
        for (int c = 0; c < pooled.length; c++) {
            predictions.add(new ClassPrediction(metadata.codes().get(c), metadata.abbreviations().get(c), names.get(c),
                    pooled[c], thresholds[c], pooled[c] >= thresholds[c]));
        }
        predictions.sort(Comparator.comparingDouble(ClassPrediction::probability).reversed());
        return new RecordPrediction(record.id(), metadata.codes(), predictions, timeline, pooled);
    }

    /**
     * Probabilities for already-preprocessed inputs.
     *
     * @param signals      each {@code channels × length} floats, channel-major
     * @param demographics each {@code [age, sex]} as {@link #demographics(EcgRecord)} encodes them, or null
     *                     when the network takes none
     * @return per input, the probabilities in class order
     */
    public synchronized float[][] predictBatch(float[][] signals, float[][] demographics) {
        NetworkSpec spec = metadata.network();
        if (spec.demographics() != (demographics != null)) {
            throw new IllegalArgumentException(spec.demographics() ? "this network needs demographics [age, sex] per input"
                    : "this network takes no demographics");
        }
        int per = spec.channels() * spec.length();
        float[][] out = new float[signals.length][];
        for (int start = 0; start < signals.length; start += MAX_BATCH) {
            int n = Math.min(MAX_BATCH, signals.length - start);
            float[] flat = new float[n * per];
            for (int i = 0; i < n; i++) {
                float[] s = signals[start + i];
                if (s.length != per) throw new IllegalArgumentException("input " + (start + i) + " has " + s.length + " values, expected " + per);
                System.arraycopy(s, 0, flat, i * per, per);
            }
            INDArray x = Nd4j.create(flat, new long[] {n, spec.channels(), spec.length()}, 'c');
            INDArray[] inputs;
            if (demographics != null) {
                float[] d = new float[n * 2];
                for (int i = 0; i < n; i++) {
                    float[] row = demographics[start + i];
                    if (row == null || row.length != 2) throw new IllegalArgumentException("demographics " + (start + i) + " must be [age, sex]");
                    d[2 * i] = row[0];
                    d[2 * i + 1] = row[1];
                }
                inputs = new INDArray[] {x, Nd4j.create(d, new long[] {n, 2}, 'c')};
            } else {
                inputs = new INDArray[] {x};
            }
            INDArray probs = network.output(false, inputs)[0];
            float[] p = probs.dup('c').data().asFloat();
            int classes = (int) probs.size(1);
            for (int i = 0; i < n; i++) {
                float[] row = new float[classes];
                System.arraycopy(p, i * classes, row, 0, classes);
                out[start + i] = row;
            }
        }
        return out;
    }

    /**
     * The network's demographic input: {@code [age / 100, sex]} with sex 1 for male and 0 for female;
     * an unknown age is 0.5 (50 years, near the challenge data's median) and an unknown sex 0.5, halfway.
     * Training must encode them the same way.
     */
    public static float[] demographics(EcgRecord record) {
        return encodeDemographics(record.age().isPresent() ? (float) record.age().getAsDouble() : Float.NaN,
                record.sex().map(s -> s == Sex.MALE ? 1f : 0f).orElse(Float.NaN));
    }

    /** {@link #demographics(EcgRecord)} from an age in years and a sex of 1 (male) / 0 (female); NaN for unknown. */
    public static float[] encodeDemographics(float ageYears, float sex) {
        float age = Float.isFinite(ageYears) && ageYears >= 0 && ageYears <= 130 ? ageYears / 100f : 0.5f;
        float s = sex == 0f || sex == 1f ? sex : 0.5f;
        return new float[] {age, s};
    }

    static float[] flatten(SignalBlock b) {
        int n = b.length();
        double[][] samples = b.samples();
        float[] out = new float[samples.length * n];
        for (int l = 0; l < samples.length; l++) {
            double[] row = samples[l];
            for (int i = 0; i < n; i++) out[l * n + i] = (float) row[i];
        }
        return out;
    }
}
