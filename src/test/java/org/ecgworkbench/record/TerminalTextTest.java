package org.ecgworkbench.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The quoting that split manifests and bundle classes share (issue 15: one escaping, not three). */
class TerminalTextTest {

    @Test
    void quotedEscapesControlsNonAsciiQuotesAndBackslashes() {
        assertEquals("\"A1\"", TerminalText.quoted("A1"));
        assertEquals("\"a\\u001bb\\u00e9\\u0022\\u005c\\u202e\"", TerminalText.quoted("a\u001bbé\"\\\u202e"));
        assertEquals("null", TerminalText.quoted(null));
    }

    @Test
    void quotedCutsLongTextAt64Characters() {
        String id = "x".repeat(70);
        assertEquals("\"" + "x".repeat(64) + "…\"", TerminalText.quoted(id));
        assertEquals("\"" + "x".repeat(64) + "\"", TerminalText.quoted("x".repeat(64)));
    }

    @Test
    void inertKeepsNonAsciiAndEscapesOnlyUnsafeCharacters() {
        assertEquals("é \"q\" \\u001b[2J", TerminalText.inert("é \"q\" \u001b[2J"));
    }
}
