package org.ecgworkbench.app.suggestions;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.ecgworkbench.model.BundleMetadata;
import org.ecgworkbench.model.BundleProvenance;
import org.ecgworkbench.model.ExplainMethod;
import org.ecgworkbench.model.ExplainOptions;
import org.ecgworkbench.model.ExplainProgress;
import org.ecgworkbench.model.ExplainedRecord;
import org.ecgworkbench.model.Explainer;
import org.ecgworkbench.model.ModelBundle;
import org.ecgworkbench.model.ModelBundleException;
import org.ecgworkbench.model.ModelBundleIO;
import org.ecgworkbench.model.NetworkSpec;
import org.ecgworkbench.model.Predictor;
import org.ecgworkbench.model.RealRecordEvaluation;
import org.ecgworkbench.model.RecordPrediction;
import org.ecgworkbench.model.SoftwareVersion;
import org.ecgworkbench.record.EcgRecord;

/** A model bundle ({@code *.ecgmodel}) run through the engine's {@link Predictor} and {@link Explainer}. */
public final class BundleDiagnosisModel implements DiagnosisModel {

    private final String name;
    private final String provenance;
    private final boolean demonstration;
    private final RealRecordEvaluation realRecordEvaluation;
    private final Predictor predictor;
    private final Explainer explainer;

    private BundleDiagnosisModel(String name, String provenance, boolean demonstration, RealRecordEvaluation realRecordEvaluation,
            Predictor predictor, Explainer explainer) {
        this.name = name;
        this.provenance = provenance;
        this.demonstration = demonstration;
        this.realRecordEvaluation = realRecordEvaluation;
        this.predictor = predictor;
        this.explainer = explainer;
    }

    /** Reads and prepares a bundle (slow: call off the FX thread). */
    public static BundleDiagnosisModel load(Path file, boolean demonstration) throws ModelBundleException {
        ModelBundle bundle = ModelBundleIO.read(file);
        Predictor predictor = new Predictor(bundle);
        Explainer explainer = new Explainer(bundle);
        return new BundleDiagnosisModel(file.getFileName().toString(), provenance(bundle.metadata()), demonstration,
                bundle.metadata().realRecordEvaluation(), predictor, explainer);
    }

    /**
     * "resnet18 ×0.25 · 24 classes · 12 × 5000 samples · trained on 2354 records · written by v0.1.0". No validation
     * score: it is measured on the same kind of data as the training (synthetic, for the bundled model) and reads
     * as a quality claim it is not; what the model does on real records is {@link ModelNotice}'s.
     */
    static String provenance(BundleMetadata m) {
        NetworkSpec n = m.network();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s ×%s · %d classes · %d × %d samples",
                n.architecture().id(), trim(n.width()), n.outputs(), n.channels(), n.length()));
        JsonNode fp = m.dataFingerprint();
        if (fp != null && fp.has("train")) s.append(" · trained on ").append(fp.get("train").asInt()).append(" records");
        s.append(" · written by v").append(m.softwareVersion());
        BundleProvenance p = m.provenance();
        if (p != null) {
            // Bundles trained since provenance exists say when, where and from which commit.
            s.append(" · trained ").append(p.created()).append(" on ").append(p.device());
            if (!p.gitCommit().equals(SoftwareVersion.UNKNOWN_COMMIT)) {
                s.append(" · commit ").append(p.gitCommit(), 0, Math.min(12, p.gitCommit().length()));
            }
        }
        return s.toString();
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String provenance() {
        return provenance;
    }

    @Override
    public boolean demonstration() {
        return demonstration;
    }

    @Override
    public RealRecordEvaluation realRecordEvaluation() {
        return realRecordEvaluation;
    }

    @Override
    public RecordPrediction predict(EcgRecord record) {
        return predictor.predict(record);
    }

    @Override
    public ExplainedRecord explain(EcgRecord record, List<String> codes, ExplainMethod method, Consumer<ExplainProgress> progress,
            BooleanSupplier cancelled) {
        return explainer.explain(record, codes, method, ExplainOptions.defaults(), progress, cancelled);
    }
}
