package org.ecgworkbench.measure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecgworkbench.label.Diagnosis;
import org.ecgworkbench.label.DiagnosisCatalogue;

/**
 * The interpretation statements: the rule table of {@value #RESOURCE} (one readable table, see
 * docs/measurements.md) applied to the {@link MeasuredValues} of a finished {@link Measurement}.
 */
public final class StatementRules {

    public static final String RESOURCE = "/measure/statements.tsv";
    private static final List<String> COLUMNS = List.of("abbrev", "code", "when", "unless", "source");

    private static volatile StatementRules standard;

    private final List<StatementRule> rules;
    private final DiagnosisCatalogue catalogue;

    private StatementRules(List<StatementRule> rules, DiagnosisCatalogue catalogue) {
        this.rules = List.copyOf(rules);
        this.catalogue = catalogue;
    }

    /** The project's table, read once. */
    public static StatementRules standard() {
        StatementRules result = standard;
        if (result == null) {
            synchronized (StatementRules.class) {
                result = standard;
                if (result == null) {
                    InputStream in = StatementRules.class.getResourceAsStream(RESOURCE);
                    if (in == null) throw new IllegalStateException("statement table " + RESOURCE + " is not on the classpath");
                    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                        result = read(RESOURCE, r, DiagnosisCatalogue.standard());
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + RESOURCE, e);
                    }
                    standard = result;
                }
            }
        }
        return result;
    }

    /**
     * Reads a table: tab-separated, a header row {@code abbrev code when unless source}, {@code #} comments.
     * Every code must be in the catalogue under that abbreviation, every name in the vocabulary, and every
     * {@code unless} an abbreviation of an earlier row; IllegalStateException naming the line otherwise.
     */
    static StatementRules read(String name, Reader text, DiagnosisCatalogue catalogue) throws IOException {
        List<StatementRule> rules = new ArrayList<>();
        Set<String> earlier = new HashSet<>();
        BufferedReader in = new BufferedReader(text);
        boolean header = false;
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) continue;
            List<String> f = Arrays.asList(line.split("\t", -1));
            if (!header) {
                if (!f.equals(COLUMNS)) throw malformed(name, number, "expected the header " + String.join(" ", COLUMNS));
                header = true;
                continue;
            }
            if (f.size() != COLUMNS.size()) throw malformed(name, number, "expected " + COLUMNS.size() + " tab-separated fields");
            String abbrev = f.get(0).strip();
            String code = f.get(1).strip();
            int lineNumber = number;
            Diagnosis d = catalogue.byCode(code).orElseThrow(() -> malformed(name, lineNumber, "code " + code + " is not in the catalogue"));
            if (!d.abbreviation().equals(abbrev)) {
                throw malformed(name, number, "code " + code + " is " + d.abbreviation() + " in the catalogue, not " + abbrev);
            }
            RuleCondition condition;
            try {
                condition = RuleConditionParser.parse(f.get(2));
            } catch (IllegalArgumentException e) {
                throw malformed(name, number, e.getMessage());
            }
            List<String> unless = f.get(3).isBlank() ? List.of() : List.of(f.get(3).strip().split("\\s+"));
            for (String u : unless) {
                if (!earlier.contains(u)) throw malformed(name, number, "unless " + u + ": no earlier rule has that abbreviation");
            }
            if (!earlier.add(abbrev)) throw malformed(name, number, abbrev + " has a rule already");
            rules.add(new StatementRule(abbrev, code, condition, unless, f.get(4).strip()));
        }
        if (!header) throw malformed(name, number, "no header row");
        return new StatementRules(rules, catalogue);
    }

    private static IllegalStateException malformed(String name, int line, String message) {
        return new IllegalStateException("malformed statement table " + name + ", line " + line + ": " + message);
    }

    public List<StatementRule> rules() {
        return rules;
    }

    /** The statements the rules make for {@code m}, in table order; each reason gives the numbers. */
    public List<Statement> statementsFor(Measurement m) {
        return statementsFor(MeasuredValues.of(m));
    }

    /** The statements for values already derived (see {@link MeasuredValues#of}). */
    public List<Statement> statementsFor(Map<String, Double> values) {
        List<Statement> out = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        for (StatementRule rule : rules) {
            if (rule.unless().stream().anyMatch(fired::contains)) continue;
            RuleCondition.Outcome o = rule.condition().evaluate(values);
            if (o.truth() != RuleCondition.Truth.TRUE) continue;
            fired.add(rule.abbrev());
            Diagnosis d = catalogue.byCode(rule.code()).orElseThrow();
            out.add(new Statement(d.code(), d.abbreviation(), d.name(), d.scored(), String.join(", ", o.reasons())));
        }
        return List.copyOf(out);
    }
}
