package org.ecgworkbench.record.wfdb;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written splitting of header text into lines, fields and sub-fields. Regular expressions
 * were two thirds of header parsing time (JMH, docs/benchmarks.md), and scanning the challenge's
 * 43,101 headers is dominated by parsing.
 */
final class HeaderText {
    private HeaderText() {
    }

    /** Lines split at CRLF, CR or LF. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    /**
     * Fields separated by spaces and tabs; with {@code limit > 0} at most that many, the last
     * holding the rest of the line as written (a description may contain spaces).
     */
    static String[] fields(String line, int limit) {
        List<String> out = new ArrayList<>(limit > 0 ? limit : 8);
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && isBlank(line.charAt(i))) i++;
            if (i >= n) break;
            if (limit > 0 && out.size() == limit - 1) {
                out.add(line.substring(i).strip());
                break;
            }
            int start = i;
            while (i < n && !isBlank(line.charAt(i))) i++;
            out.add(line.substring(start, i));
        }
        return out.toArray(new String[0]);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** A plain decimal number: sign, digits, one point, exponent. Rejects NaN, Infinity, hex, suffixes. */
    static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) { i++; digits++; }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') { i++; digits++; }
        }
        if (digits == 0) return false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int exp = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') { i++; exp++; }
            if (exp == 0) return false;
        }
        return i == n;
    }

    /**
     * Splits {@code main[/second][(third)]} (sampling frequency) or {@code main[(third)][/second]}
     * (gain): returns {main, second or null, third or null}, or null when the shape is wrong
     * (unbalanced or repeated brackets or slashes).
     */
    static String[] subFields(String field, boolean bracketBeforeSlash) {
        int open = field.indexOf('(');
        int close = field.indexOf(')');
        int slash = field.indexOf('/');
        if ((open < 0) != (close < 0) || field.indexOf('(', open + 1) >= 0 && open >= 0
                || field.indexOf(')', close + 1) >= 0 && close >= 0 || slash >= 0 && field.indexOf('/', slash + 1) >= 0) {
            return null;
        }
        if (open >= 0 && close < open) return null;
        String bracket = open >= 0 ? field.substring(open + 1, close) : null;
        String main;
        String second = null;
        if (bracketBeforeSlash) {
            // gain(baseline)/units: the bracket, if any, directly follows the gain; units come last.
            if (open >= 0 && (slash >= 0 && slash < close || close + 1 != (slash >= 0 ? slash : field.length()))) return null;
            main = field.substring(0, open >= 0 ? open : slash >= 0 ? slash : field.length());
            if (slash >= 0) second = field.substring(slash + 1);
        } else {
            // fs/counterfreq(base): the bracket, if any, ends the field.
            if (open >= 0 && close != field.length() - 1) return null;
            int end = open >= 0 ? open : field.length();
            if (slash >= 0 && slash > end) return null;
            main = field.substring(0, slash >= 0 ? slash : end);
            if (slash >= 0) second = field.substring(slash + 1, end);
        }
        return new String[] {main, second, bracket};
    }
}
