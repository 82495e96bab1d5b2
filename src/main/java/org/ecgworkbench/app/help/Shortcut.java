package org.ecgworkbench.app.help;

/**
 * One keyboard shortcut the window defines.
 *
 * @param keys   as the platform writes it (e.g. "Ctrl+O", "Alt+F")
 * @param action what it does, by its menu path (e.g. "File › Open record…")
 */
public record Shortcut(String keys, String action) {
}
