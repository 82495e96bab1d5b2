package org.ecgworkbench.record;

/**
 * One text cell of a CSV file written by the workbench, safe to open in a spreadsheet. Text from a file (a
 * lead name, a record id, a class abbreviation) that starts with {@code =}, {@code +}, {@code -}, {@code @},
 * a tab or a carriage return would be run as a formula by Excel or LibreOffice; as OWASP advises, such a
 * cell gets a leading {@code '} and is quoted. Numbers are never passed through here: {@code -0.25} stays a
 * number.
 */
public final class CsvText {

    private CsvText() {
    }

    /** {@code text} as a CSV cell: neutralised when it could start a formula, quoted (RFC 4180) where needed. */
    public static String cell(String text) {
        if (startsFormula(text)) return quoted("'" + text);
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return text;
        return quoted(text);
    }

    /** Whether a spreadsheet would read this cell as a formula. */
    public static boolean startsFormula(String text) {
        if (text.isEmpty()) return false;
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
