package org.ecgworkbench.measure;

import java.util.Objects;

/**
 * One interpretation statement, as a cart prints it, with the numbers that made it.
 *
 * @param code   SNOMED CT code from the challenge's catalogue
 * @param abbrev the catalogue's abbreviation (e.g. IAVB)
 * @param name   the catalogue's name
 * @param scored whether the challenge scores the class
 * @param reason the criterion in numbers, e.g. "PR 236 ms > 200 ms"
 */
public record Statement(String code, String abbrev, String name, boolean scored, String reason) {

    public Statement {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(abbrev, "abbrev");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
    }
}
