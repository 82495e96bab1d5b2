package org.ecgworkbench.record;

/**
 * Makes text read from a file inert before it reaches a terminal. A header's {@code #Dx}, a lead name, a
 * bundle's abbreviation or a file name can hold escape sequences (clear the screen, set the window title),
 * carriage returns or line breaks (forge output lines), or bidirectional overrides (reorder what is shown).
 * Each such character is shown as a visible {@code \}{@code uXXXX} escape instead; everything else, including
 * non-ASCII letters, is kept.
 */
public final class TerminalText {

    /** Longest part of a text {@link #quoted} shows. */
    public static final int QUOTED_MAX = 64;

    private TerminalText() {
    }

    /** {@code text} with every control or direction-changing character written as {@code \}{@code uXXXX}; null as "null". */
    public static String inert(Object text) {
        String s = String.valueOf(text);
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c)) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }

    /**
     * An id or label from a file, quoted for a message: cut at {@value #QUOTED_MAX} characters (then {@code …}),
     * and stricter than {@link #inert}: besides the unsafe characters, non-ASCII ones, quotes and backslashes are
     * written as {@code \}{@code uXXXX} too, so the quoted text is unambiguous ASCII; null as "null".
     */
    public static String quoted(String text) {
        if (text == null) return "null";
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < text.length() && i < QUOTED_MAX; i++) {
            char c = text.charAt(i);
            if (unsafe(c) || c > 0x7e || c == '"' || c == '\\') sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append(text.length() > QUOTED_MAX ? "…\"" : "\"").toString();
    }

    /** C0 controls (including tab, CR and LF), DEL, C1 controls, line/paragraph separators and bidi controls. */
    static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == '\u2028' || c == '\u2029'
                || (c >= '\u200e' && c <= '\u200f') || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u061c';
    }
}
