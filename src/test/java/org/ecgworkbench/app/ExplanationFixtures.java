package org.ecgworkbench.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ecgworkbench.model.ExplainMethod;
import org.ecgworkbench.model.ExplainOptions;
import org.ecgworkbench.model.ExplainedRecord;
import org.ecgworkbench.model.ExplainedWindow;
import org.ecgworkbench.model.Explanation;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.LeadName;

/** Small records and explanations for the view-model and mapping tests. */
public final class ExplanationFixtures {

    private ExplanationFixtures() {
    }

    /** Twelve standard leads (plus any extra names) of zeros. */
    public static EcgRecord record(String id, double fs, int samples, List<String> dx, String... extraLeads) {
        List<Lead> leads = new ArrayList<>();
        for (LeadName name : LeadName.values()) {
            leads.add(new Lead(name.label(), name.label(), 1000, 0, "mV", new float[samples], null, Optional.empty()));
        }
        for (String extra : extraLeads) leads.add(new Lead(extra, extra, 1000, 0, "mV", new float[samples], null, Optional.empty()));
        return new EcgRecord(id, Path.of(id + ".hea"), fs, leads, OptionalDouble.of(50), Optional.empty(), dx, false, List.of(),
                Optional.empty());
    }

    /** An explanation of one class that is 1 at window sample {@code peak} of {@code lead} and 0 elsewhere. */
    public static Explanation spike(String code, int length, double fs, int lead, int peak) {
        float[][] relevance = new float[12][length];
        relevance[lead][peak] = 1;
        return new Explanation(code, ExplainMethod.GRADIENT_X_INPUT.id(), length, fs, relevance);
    }

    public static ExplainedWindow window(double fs, int startSample, int length, int realFrom, int realTo, Explanation... explanations) {
        boolean[] mask = new boolean[length];
        Arrays.fill(mask, realFrom, realTo, true);
        return new ExplainedWindow(0, fs, startSample, mask, new float[24], List.of(explanations));
    }

    public static ExplainedRecord explained(String recordId, List<String> codes, ExplainedWindow... windows) {
        return new ExplainedRecord(recordId, ExplainMethod.GRADIENT_X_INPUT, ExplainOptions.defaults(), codes, List.of(windows));
    }
}
