package org.ecgworkbench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the condition language of the statement rules:
 * <pre>
 * condition  := all ("or" all)*
 * all        := primary ("and" primary)*
 * primary    := "(" condition ")" | term op term
 * term       := number | name | "-" name
 * op         := "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * </pre>
 * Names must be in the {@link MeasuredValues#VOCABULARY}; a comparison needs at least one name.
 */
final class RuleConditionParser {

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(<=|>=|<|>|\\(|\\)|-?\\d+(?:\\.\\d+)?|-?[A-Za-z_][A-Za-z0-9_]*)");

    private final List<String> tokens;
    private final String text;
    private int next;

    private RuleConditionParser(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    /** Parses {@code text}; IllegalArgumentException naming the problem when it is not a condition. */
    static RuleCondition parse(String text) {
        RuleConditionParser p = new RuleConditionParser(text);
        RuleCondition c = p.condition();
        if (p.next < p.tokens.size()) throw p.error("unexpected '" + p.tokens.get(p.next) + "'");
        return c;
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (text.substring(at).isBlank()) break;
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("cannot read condition '" + text + "' at character " + (at + 1));
            }
            out.add(m.group(1));
            at = m.end();
        }
        return out;
    }

    private RuleCondition condition() {
        List<RuleCondition> parts = new ArrayList<>();
        parts.add(all());
        while (accept("or")) parts.add(all());
        return parts.size() == 1 ? parts.get(0) : new RuleCondition.Any(parts);
    }

    private RuleCondition all() {
        List<RuleCondition> parts = new ArrayList<>();
        parts.add(primary());
        while (accept("and")) parts.add(primary());
        return parts.size() == 1 ? parts.get(0) : new RuleCondition.All(parts);
    }

    private RuleCondition primary() {
        if (accept("(")) {
            RuleCondition c = condition();
            if (!accept(")")) throw error("missing ')'");
            return c;
        }
        RuleCondition.Term left = term();
        String op = take("an operator");
        if (!RuleCondition.Comparison.OPERATORS.contains(op)) throw error("expected <, <=, > or >=, found '" + op + "'");
        RuleCondition.Term right = term();
        if (left.isNumber() && right.isNumber()) throw error("a comparison of two numbers");
        return new RuleCondition.Comparison(left, op, right);
    }

    private RuleCondition.Term term() {
        String t = take("a value name or a number");
        if (Character.isDigit(t.charAt(t.length() - 1)) && t.matches("-?\\d+(\\.\\d+)?")) {
            return RuleCondition.Term.ofNumber(Double.parseDouble(t));
        }
        boolean negated = t.startsWith("-");
        String name = negated ? t.substring(1) : t;
        if (name.equals("and") || name.equals("or") || MeasuredValues.definition(name).isEmpty()) {
            throw error("'" + name + "' is not a measured value (see MeasuredValues)");
        }
        return new RuleCondition.Term(name, negated, 0);
    }

    private boolean accept(String token) {
        if (next < tokens.size() && tokens.get(next).equals(token)) {
            next++;
            return true;
        }
        return false;
    }

    private String take(String what) {
        if (next >= tokens.size()) throw error("expected " + what + " at the end");
        return tokens.get(next++);
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("condition '" + text + "': " + message);
    }
}
