package org.ecgworkbench.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.ScoredClass;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.ecgworkbench.signal.SignalBlock;
import org.ecgworkbench.signal.SignalWindows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where the model looked: per class, a relevance for every lead and sample of an input window, by
 * occlusion sensitivity or gradient × input ({@link ExplainMethod} has the exact definitions).
 *
 * <p>Two graphs, both BatchNorm-free ({@link BatchNormFolding}): the inference graph for forward passes
 * (occlusion, probabilities), and a copy with the same weights whose output loss is replaced by
 * {@link ExplainSelectionLoss} for gradients. Why the folded graph: DL4J's backward pass always runs the
 * forward pass in training mode, where BatchNormalization would use the batch's statistics and dropout
 * would drop; with BN folded in and no dropout, training mode computes exactly the inference function.
 * ComputationGraph in M2.1 has no {@code calculateGradients} (MultiLayerNetwork has); the input gradient is
 * read from the input vertex's epsilon by a training listener's {@code onBackwardPass} hook, the last moment
 * before {@code computeGradientAndScore()} clears the vertices. The gradient graph runs without workspaces:
 * with them, that epsilon lives in an activation-gradient workspace that is already closed by then.
 *
 * <p>Work is batched ({@link ExplainOptions#batchSize()} copies per pass) so native memory stays bounded;
 * progress is reported after every pass and cancellation is polled before each one (a
 * {@link CancellationException} is thrown). Calls are serialised: DL4J graphs keep per-call state.
 */
public final class Explainer {
    private final BundleMetadata metadata;
    private final ComputationGraph inference;
    private final ComputationGraph gradient;
    private final DataType dataType;
    /** The last backward pass's gradient at the input, captured by the gradient graph's listener. */
    private INDArray inputEpsilon;

    /** Folds the bundle's BatchNormalization into its convolutions (as {@link Predictor} does) and prepares both graphs. */
    public Explainer(ModelBundle bundle) {
        this(BatchNormFolding.fold(bundle.network(), bundle.metadata().network()), bundle.metadata());
    }

    /**
     * @param inferenceGraph a graph without BatchNormalization or dropout (e.g. {@link BatchNormFolding#fold}'s),
     *                       output {@value ResNet1d#OUTPUT}, any floating-point type (tests use double)
     */
    Explainer(ComputationGraph inferenceGraph, BundleMetadata metadata) {
        NativeBackend.prepare();
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        for (Layer layer : inferenceGraph.getLayers()) {
            var conf = layer.conf().getLayer();
            if (conf instanceof BatchNormalization
                    || conf instanceof DropoutLayer || conf.getIDropout() != null) {
                throw new IllegalArgumentException("layer " + conf.getLayerName() + ": the explainer needs a graph without "
                        + "BatchNormalization and dropout (fold it with BatchNormFolding)");
            }
        }
        this.inference = inferenceGraph;
        this.dataType = inferenceGraph.params().dataType();
        ComputationGraphConfiguration conf = inferenceGraph.getConfiguration().clone();
        conf.setTrainingWorkspaceMode(WorkspaceMode.NONE);
        conf.setInferenceWorkspaceMode(WorkspaceMode.NONE);
        var out = conf.getVertices().get(ResNet1d.OUTPUT);
        if (!(out instanceof LayerVertex lv) || !(lv.getLayerConf().getLayer() instanceof BaseOutputLayer outputLayer)) {
            throw new IllegalArgumentException("the graph has no output layer named " + ResNet1d.OUTPUT);
        }
        outputLayer.setLossFn(new ExplainSelectionLoss());
        this.gradient = new ComputationGraph(conf);
        this.gradient.init(inferenceGraph.params(), true);
        // computeGradientAndScore() clears every vertex before it returns; the listener's backward-pass hook
        // runs just before that, while the input vertex still holds its epsilon.
        this.gradient.setListeners(new BaseTrainingListener() {
            @Override
            public void onBackwardPass(Model model) {
                INDArray eps = gradient.getVertex(ResNet1d.INPUT).getEpsilon();
                inputEpsilon = eps == null ? null : eps.dup();
            }
        });
    }

    /**
     * One-off convenience: a new explainer for the bundle (folding takes a moment; keep an {@link Explainer}
     * for repeated use) explaining the record with {@link ExplainOptions#defaults()}.
     */
    public static ExplainedRecord explain(ModelBundle bundle, EcgRecord record, List<String> codes, ExplainMethod method,
                                          Consumer<ExplainProgress> progress, BooleanSupplier cancelled) {
        return new Explainer(bundle).explain(record, codes, method, ExplainOptions.defaults(), progress, cancelled);
    }

    public BundleMetadata metadata() {
        return metadata;
    }

    /**
     * Runs the bundle's pipeline on the record (as {@link Predictor#predict} does) and explains every
     * window it produces for the given classes.
     *
     * @param codes     SNOMED codes of the classes to explain (canonical, or an equivalent of one)
     * @param progress  receives passes done / total over all windows, or null
     * @param cancelled polled before every pass, or null; when true a {@link CancellationException} is thrown
     */
    public ExplainedRecord explain(EcgRecord record, List<String> codes, ExplainMethod method, ExplainOptions options,
                                   Consumer<ExplainProgress> progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(options, "options");
        int[] classes = classIndices(codes);
        Pipeline pipeline = Predictor.inferencePipeline(PipelineJson.read(metadata.pipelineJson()));
        // Windows one at a time, as predict makes them: a long recording never has all of them in memory.
        SignalWindows blocks = pipeline.windows(record);
        if (blocks.count() == 0) throw new IllegalArgumentException(record.id() + ": the pipeline produced no signal block");
        NetworkSpec spec = metadata.network();
        float[] demo = spec.demographics() ? Predictor.demographics(record) : null;
        // Every window has the first one's rate (the pipeline gives each the same steps), so the same passes.
        SignalBlock first = blocks.get(0);
        int perWindow = passes(method, options, first.fs(), classes.length);
        Counter counter = new Counter(progress, cancelled, perWindow * blocks.count());
        List<ExplainedWindow> windows = new ArrayList<>();
        for (int w = 0; w < blocks.count(); w++) {
            SignalBlock b = w == 0 ? first : blocks.get(w);
            if (b.length() != spec.length()) {
                throw new IllegalArgumentException(record.id() + ": the bundle's pipeline gives " + b.length()
                        + " samples per lead but the network takes " + spec.length());
            }
            Result r = run(flatten(b), demo, b.fs(), classes, method, options, counter);
            windows.add(new ExplainedWindow(w, b.fs(), b.startSample(), b.mask().clone(), r.probabilities, r.explanations));
        }
        counter.report(counter.total);
        List<String> canonical = new ArrayList<>();
        for (int c : classes) canonical.add(metadata.codes().get(c));
        return new ExplainedRecord(record.id(), method, options, canonical, windows);
    }

    /**
     * Explains one preprocessed window.
     *
     * @param signal       {@code channels × length} floats, channel-major, as {@link Predictor#predictBatch} takes them
     * @param demographics {@code [age, sex]} ({@link Predictor#demographics}) when the network takes them, else null
     * @param fs           the window's sampling rate (sets the occlusion window in samples)
     * @return one explanation per code, in the order asked
     */
    public List<Explanation> explainWindow(float[] signal, float[] demographics, double fs, List<String> codes, ExplainMethod method,
                                           ExplainOptions options, Consumer<ExplainProgress> progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(options, "options");
        int[] classes = classIndices(codes);
        Counter counter = new Counter(progress, cancelled, passes(method, options, fs, classes.length));
        List<Explanation> out = run(signal, demographics, fs, classes, method, options, counter).explanations;
        counter.report(counter.total);
        return out;
    }

    /** Network passes (inputs through the graph) one window costs: the progress total. */
    public int passes(ExplainMethod method, ExplainOptions options, double fs, int classes) {
        int length = metadata.network().length();
        return 1 + switch (method) {
            case OCCLUSION -> occlusionStarts(length, options.windowSamples(fs, length), options.strideSamples(options.windowSamples(fs, length))).length
                    * (options.scope() == ExplainOptions.OcclusionScope.PER_LEAD ? metadata.network().channels() : 1);
            case GRADIENT_X_INPUT -> classes;
        };
    }

    private record Result(float[] probabilities, List<Explanation> explanations) {
    }

    private synchronized Result run(float[] signal, float[] demographics, double fs, int[] classes, ExplainMethod method,
                                    ExplainOptions options, Counter counter) {
        NetworkSpec spec = metadata.network();
        int per = spec.channels() * spec.length();
        Objects.requireNonNull(signal, "signal");
        if (signal.length != per) throw new IllegalArgumentException("the window has " + signal.length + " values, expected " + per);
        if (spec.demographics() != (demographics != null)) {
            throw new IllegalArgumentException(spec.demographics() ? "this network needs demographics [age, sex]" : "this network takes no demographics");
        }
        if (demographics != null && demographics.length != 2) throw new IllegalArgumentException("demographics must be [age, sex]");
        if (!(fs > 0)) throw new IllegalArgumentException("fs must be > 0, not " + fs);
        counter.check();
        float[] p0 = forward(signal, 1, demographics)[0];
        counter.step(1);
        float[][][] relevance = switch (method) {
            case OCCLUSION -> occlusion(signal, demographics, p0, fs, classes, options, counter);
            case GRADIENT_X_INPUT -> gradientTimesInput(signal, demographics, p0, classes, options, counter);
        };
        List<Explanation> explanations = new ArrayList<>();
        for (int k = 0; k < classes.length; k++) {
            explanations.add(new Explanation(metadata.codes().get(classes[k]), method.id(), spec.length(), fs, relevance[k]));
        }
        return new Result(p0, explanations);
    }

    /** Probabilities of {@code n} inputs laid end to end in {@code flat}; demographics, when given, shared. */
    private float[][] forward(float[] flat, int n, float[] demographics) {
        INDArray[] inputs = inputs(flat, n, demographics);
        INDArray probs = inference.output(false, inputs)[0];
        float[] p = probs.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int classes = (int) probs.size(1);
        float[][] out = new float[n][classes];
        for (int i = 0; i < n; i++) System.arraycopy(p, i * classes, out[i], 0, classes);
        return out;
    }

    private INDArray[] inputs(float[] flat, int n, float[] demographics) {
        NetworkSpec spec = metadata.network();
        INDArray x = Nd4j.create(flat, new long[] {n, spec.channels(), spec.length()}, 'c');
        if (x.dataType() != dataType) x = x.castTo(dataType);
        if (demographics == null) return new INDArray[] {x};
        float[] d = new float[2 * n];
        for (int i = 0; i < n; i++) {
            d[2 * i] = demographics[0];
            d[2 * i + 1] = demographics[1];
        }
        INDArray demo = Nd4j.create(d, new long[] {n, 2}, 'c');
        return new INDArray[] {x, demo.dataType() == dataType ? demo : demo.castTo(dataType)};
    }

    /** Window starts every {@code stride} samples, plus one flush with the end so every sample is covered. */
    static int[] occlusionStarts(int length, int window, int stride) {
        List<Integer> starts = new ArrayList<>();
        int s = 0;
        for (; s + window < length; s += stride) starts.add(s);
        if (starts.isEmpty() || starts.get(starts.size() - 1) != length - window) starts.add(length - window);
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private float[][][] occlusion(float[] signal, float[] demographics, float[] p0, double fs, int[] classes, ExplainOptions options, Counter counter) {
        NetworkSpec spec = metadata.network();
        int leads = spec.channels();
        int length = spec.length();
        int per = leads * length;
        int window = options.windowSamples(fs, length);
        int[] starts = occlusionStarts(length, window, options.strideSamples(window));
        boolean perLead = options.scope() == ExplainOptions.OcclusionScope.PER_LEAD;
        float[] fill = new float[leads];
        if (options.fill() == ExplainOptions.Fill.LEAD_MEAN) {
            for (int l = 0; l < leads; l++) {
                double sum = 0;
                for (int i = 0; i < length; i++) sum += signal[l * length + i];
                fill[l] = (float) (sum / length);
            }
        }
        int rows = perLead ? leads : 1;
        int occlusions = starts.length * rows;
        double[][][] sum = new double[classes.length][rows][length];
        int[][] count = new int[rows][length];
        int batch = options.batchSize();
        float[] flat = new float[Math.min(batch, occlusions) * per];
        for (int first = 0; first < occlusions; first += batch) {
            counter.check();
            int n = Math.min(batch, occlusions - first);
            for (int j = 0; j < n; j++) {
                int o = first + j;
                int row = o / starts.length;
                int start = starts[o % starts.length];
                System.arraycopy(signal, 0, flat, j * per, per);
                for (int l = perLead ? row : 0; l < (perLead ? row + 1 : leads); l++) {
                    Arrays.fill(flat, j * per + l * length + start, j * per + l * length + start + window, fill[l]);
                }
            }
            float[][] p = forward(n == flat.length / per ? flat : Arrays.copyOf(flat, n * per), n, demographics);
            for (int j = 0; j < n; j++) {
                int o = first + j;
                int row = o / starts.length;
                int start = starts[o % starts.length];
                for (int i = start; i < start + window; i++) count[row][i]++;
                for (int k = 0; k < classes.length; k++) {
                    double drop = p0[classes[k]] - p[j][classes[k]];
                    double[] acc = sum[k][row];
                    for (int i = start; i < start + window; i++) acc[i] += drop;
                }
            }
            counter.step(n);
        }
        float[][][] out = new float[classes.length][leads][length];
        for (int k = 0; k < classes.length; k++) {
            for (int l = 0; l < leads; l++) {
                int row = perLead ? l : 0;
                for (int i = 0; i < length; i++) out[k][l][i] = (float) (sum[k][row][i] / count[row][i]);
            }
        }
        return out;
    }

    private float[][][] gradientTimesInput(float[] signal, float[] demographics, float[] p0, int[] classes, ExplainOptions options, Counter counter) {
        NetworkSpec spec = metadata.network();
        float[][] grads = gradients(signal, demographics, classes, options.batchSize(), counter);
        float[][][] out = new float[classes.length][spec.channels()][spec.length()];
        for (int k = 0; k < classes.length; k++) {
            int c = classes[k];
            double scale = options.gradientTarget() == ExplainOptions.GradientTarget.PROBABILITY ? (double) p0[c] * (1 - p0[c]) : 1;
            for (int l = 0; l < spec.channels(); l++) {
                for (int i = 0; i < spec.length(); i++) {
                    int at = l * spec.length() + i;
                    out[k][l][i] = (float) (grads[k][at] * scale * signal[at]);
                }
            }
        }
        return out;
    }

    /** Per class, {@code ∂z_c/∂x} (channel-major, like the signal), by backward passes of up to {@code batch} rows. */
    private float[][] gradients(float[] signal, float[] demographics, int[] classes, int batch, Counter counter) {
        NetworkSpec spec = metadata.network();
        int per = spec.channels() * spec.length();
        int outputs = spec.outputs();
        float[][] out = new float[classes.length][];
        for (int first = 0; first < classes.length; first += batch) {
            counter.check();
            int n = Math.min(batch, classes.length - first);
            float[] flat = new float[n * per];
            float[] select = new float[n * outputs];
            for (int j = 0; j < n; j++) {
                System.arraycopy(signal, 0, flat, j * per, per);
                select[j * outputs + classes[first + j]] = 1f;
            }
            INDArray labels = Nd4j.create(select, new long[] {n, outputs}, 'c');
            float[] grad;
            try {
                gradient.setInputs(inputs(flat, n, demographics));
                gradient.setLabels(labels.dataType() == dataType ? labels : labels.castTo(dataType));
                inputEpsilon = null;
                gradient.computeGradientAndScore();
                INDArray eps = inputEpsilon;
                if (eps == null || eps.length() != (long) n * per) {
                    throw new IllegalStateException("no input gradient from the backward pass");
                }
                grad = eps.castTo(DataType.FLOAT).dup('c').data().asFloat();
            } finally {
                inputEpsilon = null;
                gradient.clear();
            }
            for (int j = 0; j < n; j++) out[first + j] = Arrays.copyOfRange(grad, j * per, (j + 1) * per);
            counter.step(n);
        }
        return out;
    }

    /**
     * The plain gradient of one class's logit {@code ∂z_c/∂x} for one window, {@code [channels][length]}
     * (what gradient × input multiplies by the input; also a saliency map on its own).
     */
    public synchronized float[][] logitGradient(float[] signal, float[] demographics, String code) {
        int c = classIndices(List.of(code))[0];
        NetworkSpec spec = metadata.network();
        if (signal.length != spec.channels() * spec.length()) {
            throw new IllegalArgumentException("the window has " + signal.length + " values, expected " + spec.channels() * spec.length());
        }
        float[] g = gradients(signal, demographics, new int[] {c}, 1, new Counter(null, null, 1))[0];
        float[][] out = new float[spec.channels()][];
        for (int l = 0; l < spec.channels(); l++) out[l] = Arrays.copyOfRange(g, l * spec.length(), (l + 1) * spec.length());
        return out;
    }

    /** Probabilities of one window, in class order. */
    public synchronized float[] probabilities(float[] signal, float[] demographics) {
        return forward(signal, 1, demographics)[0];
    }

    private int[] classIndices(List<String> codes) {
        Objects.requireNonNull(codes, "codes");
        if (codes.isEmpty()) throw new IllegalArgumentException("no class to explain");
        List<String> known = metadata.codes();
        int[] out = new int[codes.size()];
        DiagnosisCatalogue catalogue = null;
        for (int k = 0; k < codes.size(); k++) {
            String code = codes.get(k);
            int i = known.indexOf(code);
            if (i < 0) {
                if (catalogue == null) catalogue = DiagnosisCatalogue.standard();
                i = catalogue.scoredClassOf(code).map(ScoredClass::canonicalCode).map(known::indexOf).orElse(-1);
            }
            if (i < 0) throw new IllegalArgumentException("class " + code + " is not an output of this model (" + known + ")");
            out[k] = i;
        }
        return out;
    }

    private static float[] flatten(SignalBlock b) {
        int n = b.length();
        double[][] samples = b.samples();
        float[] out = new float[samples.length * n];
        for (int l = 0; l < samples.length; l++) {
            for (int i = 0; i < n; i++) out[l * n + i] = (float) samples[l][i];
        }
        return out;
    }

    /** Progress (passes done, cumulative over windows) and cancellation. */
    private static final class Counter {
        private final Consumer<ExplainProgress> progress;
        private final BooleanSupplier cancelled;
        final int total;
        int done;

        Counter(Consumer<ExplainProgress> progress, BooleanSupplier cancelled, int total) {
            this.progress = progress;
            this.cancelled = cancelled;
            this.total = total;
        }

        void check() {
            if (cancelled != null && cancelled.getAsBoolean()) throw new CancellationException("explanation cancelled");
        }

        void step(int passes) {
            done += passes;
            report(Math.min(total, done));
        }

        void report(int value) {
            if (progress != null) progress.accept(new ExplainProgress(value, total));
        }
    }
}
