package org.ecgworkbench.app.wizard;

import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A text field's content with its parsed value and, when it does not parse or is out of range, the
 * reason (empty when fine). The parser throws {@link IllegalArgumentException} with a message for
 * people ("must be above 0"); the field's name is put in front of it.
 *
 * @param <T> the parsed value
 */
public final class CheckedText<T> {

    private final String name;
    private final Function<String, T> parser;
    private final StringProperty text;
    private final ReadOnlyObjectWrapper<T> value = new ReadOnlyObjectWrapper<>(this, "value");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public CheckedText(String name, String initial, Function<String, T> parser) {
        this.name = Objects.requireNonNull(name);
        this.parser = Objects.requireNonNull(parser);
        this.text = new SimpleStringProperty(this, name, initial);
        text.addListener((o, old, now) -> check());
        check();
    }

    private void check() {
        String t = text.get() == null ? "" : text.get().trim();
        T parsed = null;
        String problem = "";
        try {
            if (t.isEmpty()) throw new IllegalArgumentException("is empty");
            parsed = parser.apply(t);
        } catch (IllegalArgumentException e) {
            problem = name + " " + e.getMessage();
        }
        // Listeners of either see isValid() false until both are in step: a new value is set before the
        // error clears, a new error before the value goes.
        if (problem.isEmpty()) {
            value.set(parsed);
            error.set(problem);
        } else {
            error.set(problem);
            value.set(null);
        }
    }

    /** Whole numbers in {@code [min, max]}. */
    public static CheckedText<Integer> integer(String name, int initial, int min, int max) {
        return new CheckedText<>(name, Integer.toString(initial), t -> {
            int v;
            try {
                v = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number, not '" + t + "'");
            }
            if (v < min || v > max) throw new IllegalArgumentException("must be in " + min + ".." + max + ", not " + v);
            return v;
        });
    }

    /** Numbers above {@code lowExclusive} (or at least it, when {@code lowIncluded}) and below {@code highExclusive}. */
    public static CheckedText<Double> decimal(String name, String initial, double low, boolean lowIncluded, double highExclusive) {
        return new CheckedText<>(name, initial, t -> {
            double v = ArgumentText.parseNumber(t);
            boolean aboveLow = lowIncluded ? v >= low : v > low;
            if (!aboveLow || !(v < highExclusive)) {
                throw new IllegalArgumentException("must be in " + (lowIncluded ? "[" : "(") + ArgumentText.number(low) + ", "
                        + ArgumentText.number(highExclusive) + "), not " + t);
            }
            return v;
        });
    }

    public String name() {
        return name;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The parsed value, null while the text is invalid. */
    public ReadOnlyObjectProperty<T> valueProperty() {
        return value.getReadOnlyProperty();
    }

    public T value() {
        return value.get();
    }

    /** Why the text is not accepted ("learning rate must be in (0, 10), not 0"), or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isValid() {
        return error.get().isEmpty() && value.get() != null;
    }
}
