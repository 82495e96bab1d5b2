package org.ecgworkbench.app.measurements;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.ScoredClass;
import org.ecgworkbench.measure.Statement;
import org.ecgworkbench.record.EcgRecord;

/**
 * The measured statements against the model's suggestions and the header's diagnoses, class by class: codes are
 * compared as the challenge scores them (an equivalent pair such as RBBB and CRBBB counts as one class).
 */
public final class StatementAgreement {

    private final DiagnosisCatalogue catalogue;

    public StatementAgreement(DiagnosisCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** A code as the class it counts towards (unscored codes stand for themselves). */
    public String canonical(String code) {
        return catalogue.scoredClassOf(code).map(ScoredClass::canonicalCode).orElse(code.strip());
    }

    /** The canonical codes of the header's diagnoses the catalogue knows. */
    public Set<String> headerCodes(EcgRecord record) {
        Set<String> codes = new LinkedHashSet<>();
        for (String raw : record.dx()) {
            catalogue.resolve(raw).diagnosis().ifPresent(d -> codes.add(canonical(d.code())));
        }
        return codes;
    }

    /**
     * The rows of the statements list.
     *
     * @param model       the model's answer, or null when there is none (no model, still predicting)
     * @param header      the header's canonical codes
     * @param haveHeader  whether the header has labels at all
     */
    public List<StatementRow> rows(List<Statement> statements, ModelSuggestions model, Set<String> header, boolean haveHeader) {
        List<StatementRow> rows = new ArrayList<>();
        for (Statement s : statements) {
            String code = canonical(s.code());
            Mark byModel = model == null || !model.classes().contains(code) ? Mark.UNKNOWN
                    : model.suggested().contains(code) ? Mark.AGREES : Mark.DIFFERS;
            Mark byHeader = !haveHeader ? Mark.UNKNOWN : header.contains(code) ? Mark.AGREES : Mark.DIFFERS;
            rows.add(new StatementRow(s, byModel, byHeader));
        }
        return rows;
    }

    /**
     * The other direction, as one line each: what the model suggests and what the header names that no statement says
     * ("Suggested by the model, not measured: AF, LBBB"); empty lines are left out.
     */
    public List<String> unmatched(List<Statement> statements, ModelSuggestions model, Set<String> header) {
        Set<String> stated = new LinkedHashSet<>();
        for (Statement s : statements) stated.add(canonical(s.code()));
        List<String> lines = new ArrayList<>();
        if (model != null) {
            List<String> names = model.suggested().stream().filter(c -> !stated.contains(c)).map(this::abbrev).sorted().toList();
            if (!names.isEmpty()) lines.add("Suggested by the model, no statement: " + String.join(", ", names));
        }
        List<String> names = header.stream().filter(c -> !stated.contains(c)).map(this::abbrev).sorted().toList();
        if (!names.isEmpty()) lines.add("In the header, no statement: " + String.join(", ", names));
        return lines;
    }

    private String abbrev(String code) {
        return catalogue.scoredClassOf(code).map(ScoredClass::label)
                .or(() -> catalogue.byCode(code).map(d -> d.abbreviation() == null || d.abbreviation().isBlank()
                        ? d.name() : d.abbreviation()))
                .orElse(code);
    }
}
