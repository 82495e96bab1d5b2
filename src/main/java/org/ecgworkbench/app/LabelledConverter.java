package org.ecgworkbench.app;

import java.util.List;
import java.util.function.Function;
import javafx.util.StringConverter;

/**
 * Renders the choices of a choice box or combo box by their label, and reads a label back to its
 * choice: the one converter of the rooms' views, so that no enum overrides {@code toString} for a control.
 *
 * @param <T> the choices
 */
public final class LabelledConverter<T> extends StringConverter<T> {

    private final List<T> choices;
    private final Function<? super T, String> label;

    private LabelledConverter(List<T> choices, Function<? super T, String> label) {
        this.choices = choices; // not copied: a live list of choices stays current
        this.label = label;
    }

    /** The constants of a labelled enum, by {@link Labelled#label()}. */
    public static <E extends Enum<E> & Labelled> LabelledConverter<E> of(Class<E> type) {
        return new LabelledConverter<>(List.of(type.getEnumConstants()), Labelled::label);
    }

    /** Labelled choices that change (an observable list the control shows). */
    public static <T extends Labelled> LabelledConverter<T> of(List<T> choices) {
        return new LabelledConverter<>(choices, Labelled::label);
    }

    /** Choices that are not {@link Labelled} themselves (numbers, the engine's enums), with their label. */
    public static <T> LabelledConverter<T> of(List<T> choices, Function<? super T, String> label) {
        return new LabelledConverter<>(choices, label);
    }

    /** The choices, in order. */
    public List<T> choices() {
        return choices;
    }

    @Override
    public String toString(T choice) {
        return choice == null ? "" : label.apply(choice);
    }

    /** The choice with this label, or null when none has it. */
    @Override
    public T fromString(String text) {
        return choices.stream().filter(c -> label.apply(c).equals(text)).findFirst().orElse(null);
    }
}
