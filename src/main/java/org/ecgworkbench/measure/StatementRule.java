package org.ecgworkbench.measure;

import java.util.List;
import java.util.Objects;

/**
 * One row of the statement table: when {@code condition} holds and none of the rules named in {@code unless}
 * fired, the statement with SNOMED CT {@code code} is made.
 *
 * @param abbrev    the catalogue's abbreviation of {@code code} (checked when the table is read)
 * @param code      SNOMED CT code from the challenge catalogue
 * @param condition the criterion
 * @param unless    abbreviations of earlier rules that suppress this one
 * @param source    the published criterion it follows
 */
public record StatementRule(String abbrev, String code, RuleCondition condition, List<String> unless, String source) {

    public StatementRule {
        Objects.requireNonNull(abbrev, "abbrev");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(source, "source");
        unless = List.copyOf(unless);
    }
}
