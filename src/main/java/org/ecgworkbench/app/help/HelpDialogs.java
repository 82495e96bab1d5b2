package org.ecgworkbench.app.help;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The Help menu's windows: the user guide's text (WebView-free, so it works wherever the workbench
 * does), the keyboard shortcuts read from the window's menus and scene, and About. Non-modal and
 * closable; only showing, no logic.
 */
public final class HelpDialogs {
    private HelpDialogs() {
    }

    /**
     * Every shortcut the window defines: each menu's mnemonic (Alt and its underlined letter), each
     * menu item's accelerator, and the scene's own accelerators, in menu order.
     */
    public static List<Shortcut> shortcutsOf(MenuBar bar, Scene scene) {
        List<Shortcut> out = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            String name = plain(menu.getText());
            Character mnemonic = mnemonic(menu);
            if (mnemonic != null) out.add(new Shortcut("Alt+" + mnemonic, "open the " + name + " menu"));
            collect(menu, name, out);
        }
        if (scene != null) {
            // The menu bar registers its items' accelerators here too, and F10 to reach the menu bar.
            List<String> listed = out.stream().map(Shortcut::keys).toList();
            for (KeyCombination k : scene.getAccelerators().keySet()) {
                String keys = k.getDisplayText();
                if (listed.contains(keys)) continue;
                out.add(new Shortcut(keys, keys.equals("F10") ? "move to the menu bar" : "window shortcut"));
            }
        }
        return out;
    }

    private static void collect(Menu menu, String path, List<Shortcut> out) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof SeparatorMenuItem) continue;
            String here = path + " › " + plain(item.getText());
            if (item.getAccelerator() != null) out.add(new Shortcut(item.getAccelerator().getDisplayText(), here));
            if (item instanceof Menu sub) collect(sub, here, out);
        }
    }

    /** The menu's text without the mnemonic mark. */
    static String plain(String text) {
        return text == null ? "" : text.replaceFirst("_(.)", "$1");
    }

    private static Character mnemonic(MenuItem item) {
        String t = item.getText();
        if (!item.isMnemonicParsing() || t == null) return null;
        int i = t.indexOf('_');
        return i >= 0 && i + 1 < t.length() ? Character.toUpperCase(t.charAt(i + 1)) : null;
    }

    public static Dialog<Void> showUserGuide(Window owner, UserGuide guide, String status) {
        TextArea text = readOnly(guide.text(), "userGuideText");
        Label where = new Label((guide.bundled() ? "The guide bundled with this build (pictures not included), written to "
                : "") + guide.file() + (status.isEmpty() ? "" : "\n" + status));
        where.setWrapText(true);
        where.setId("userGuidePath");
        return show(owner, "ECG Workbench user guide", where, text, 860, 640);
    }

    public static Dialog<Void> showShortcuts(Window owner, List<Shortcut> shortcuts) {
        TableView<Shortcut> table = new TableView<>();
        table.setId("shortcutTable");
        table.getItems().setAll(shortcuts);
        TableColumn<Shortcut, String> keys = new TableColumn<>("Keys");
        keys.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().keys()));
        keys.setPrefWidth(120);
        TableColumn<Shortcut, String> action = new TableColumn<>("Does");
        action.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().action()));
        action.setPrefWidth(360);
        table.getColumns().setAll(List.of(keys, action));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label note = new Label("The keys of the menus as defined in this window (on macOS, Ctrl is ⌘).");
        note.setWrapText(true);
        return show(owner, "Keyboard shortcuts", note, table, 540, 420);
    }

    public static Dialog<Void> showAbout(Window owner, About about) {
        Label title = new Label("ECG Workbench " + about.version());
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 1.2em;");
        return show(owner, "About ECG Workbench", title, readOnly(about.text(), "aboutText"), 640, 520);
    }

    private static TextArea readOnly(String content, String id) {
        TextArea text = new TextArea(content);
        text.setId(id);
        text.setEditable(false);
        text.setWrapText(true);
        text.setStyle(id.equals("userGuideText") ? "-fx-font-family: monospace;" : "");
        return text;
    }

    private static Dialog<Void> show(Window owner, String title, Node top, Node body,
                                     double width, double height) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle(title);
        dialog.setResizable(true);
        BorderPane pane = new BorderPane(body);
        pane.setTop(top);
        BorderPane.setMargin(top, new Insets(0, 0, 8, 0));
        pane.setPrefSize(width, height);
        dialog.getDialogPane().setContent(pane);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().getStyleClass().add("help-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        dialog.show();
        return dialog;
    }
}
