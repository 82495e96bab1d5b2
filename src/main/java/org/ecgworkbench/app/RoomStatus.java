package org.ecgworkbench.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * The status bar's text: each room keeps its own last message, and the bar shows the selected
 * room's, so switching to the dataset room and back shows the viewer's message again instead of
 * the scan's. A room may have several sources (the viewer: reading records, and the suggested
 * diagnoses); the one that said something last wins, as it did when the bar was shared. Rooms are
 * any keys the window chooses (its tabs); used on the UI thread.
 */
public final class RoomStatus {

    private record Watch(ObservableValue<String> source, ChangeListener<String> listener) {
    }

    private final Map<Object, String> messages = new HashMap<>();
    private final Map<Object, List<Watch>> watches = new HashMap<>();
    private final ReadOnlyStringWrapper shown = new ReadOnlyStringWrapper(this, "shown", "");
    private Object selected;

    /** Adds a source of messages for this room; its current text, when not empty, becomes the room's message. */
    public void watch(Object room, ObservableValue<String> source) {
        Objects.requireNonNull(room);
        ChangeListener<String> listener = (o, old, now) -> say(room, now);
        source.addListener(listener);
        watches.computeIfAbsent(room, r -> new ArrayList<>()).add(new Watch(source, listener));
        say(room, source.getValue());
    }

    /** The room the user is in now: the bar shows its last message (empty when it has said nothing). */
    public void select(Object room) {
        selected = room;
        shown.set(messages.getOrDefault(room, ""));
    }

    /** A closed room: its sources are no longer watched and its message is dropped. */
    public void forget(Object room) {
        List<Watch> gone = watches.remove(room);
        if (gone != null) gone.forEach(w -> w.source().removeListener(w.listener()));
        messages.remove(room);
        if (Objects.equals(selected, room)) select(null);
    }

    /** The last message of this room (empty when none). */
    public String messageOf(Object room) {
        return messages.getOrDefault(room, "");
    }

    /** What the status bar shows: the selected room's last message. */
    public ReadOnlyStringProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    private void say(Object room, String message) {
        if (message == null || message.isEmpty()) return;
        messages.put(room, message);
        if (Objects.equals(selected, room)) shown.set(message);
    }
}
