package org.ecgworkbench.app;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * Finds text the user cannot read in full: a visible {@link Labeled} (label, button, check box, tab
 * header, choice-box or combo-box button, titled-pane title, menu-bar button, table column header —
 * all of them draw their text through a Labeled) whose displayed text ends in an ellipsis that its
 * full text does not have. JavaFX shortens a Labeled's text that does not fit into its
 * {@code LabeledText} child, so the check compares that child's text with {@link Labeled#getText()}.
 * <p>
 * Not checked: cells in the body of a list or table (long values there are the data, shown with a
 * tooltip where it matters) and a Labeled whose tooltip carries its full text (a long value in a
 * narrow place, readable on hover).
 */
public final class CutTextCheck {
    private static final String[] ELLIPSES = {"…", "..."};

    /** One cut text: where (the room), what node, its full text and what is shown of it. */
    public record Cut(String room, String node, String fullText, String shown) {
        @Override
        public String toString() {
            return room + ": " + node + " shows \"" + shown + "\" of \"" + fullText + "\"";
        }
    }

    private CutTextCheck() {
    }

    /** The cut texts under {@code root} (call on the FX thread, after a layout pass). */
    public static List<Cut> cuts(String room, Node root) {
        List<Cut> found = new ArrayList<>();
        walk(room, root, found);
        return found;
    }

    private static void walk(String room, Node node, List<Cut> found) {
        if (!node.isVisible()) return;
        // A list's or table's body (VirtualFlow) holds the data cells: not checked (see the class comment).
        if (node.getStyleClass().contains("virtual-flow")) return;
        if (node instanceof Labeled labeled) check(room, labeled, found);
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) walk(room, child, found);
        }
    }

    private static void check(String room, Labeled labeled, List<Cut> found) {
        String full = labeled.getText();
        if (full == null || full.isEmpty()) return;
        Text shown = displayedText(labeled);
        if (shown == null || shown.getText() == null || !shown.isVisible()) return;
        String text = shown.getText();
        if (text.equals(full) || !endsWithEllipsis(text) || endsWithEllipsis(full)) return;
        Tooltip tip = labeled.getTooltip();
        if (tip != null && tip.getText() != null && tip.getText().contains(full.strip())) return;
        found.add(new Cut(room, describe(labeled), full, text));
    }

    /** The Text node the Labeled's skin draws its (possibly shortened) text with. */
    private static Text displayedText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t && t.getStyleClass().contains("text")) return t;
        }
        // A titled pane draws its title inside its title bar, not as a direct child.
        return labeled instanceof TitledPane pane ? titleText(pane) : null;
    }

    /** Depth first through the title bar: not into the content, nor into other controls' text. */
    private static Text titleText(Parent parent) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof Text t && t.getStyleClass().contains("text")) return t;
            if (child instanceof Parent p && !(child instanceof Labeled) && !child.getStyleClass().contains("content")) {
                Text found = titleText(p);
                if (found != null) return found;
            }
        }
        return null;
    }

    private static boolean endsWithEllipsis(String text) {
        String t = text.stripTrailing();
        for (String e : ELLIPSES) if (t.endsWith(e)) return true;
        return false;
    }

    /** The node's class, id and style classes, then its nearest ancestor with an id (to find it in the FXML). */
    static String describe(Node node) {
        StringBuilder s = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) s.append('#').append(node.getId());
        node.getStyleClass().forEach(c -> s.append('.').append(c));
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                s.append(" in ").append(p.getClass().getSimpleName()).append('#').append(p.getId());
                break;
            }
        }
        return s.toString();
    }
}
