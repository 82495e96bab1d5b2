package org.ecgworkbench.app;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Coalesces redraw requests to at most one per pulse (frame). A drag on the navigator or a burst of
 * property changes asks for many redraws between two frames; only the last state is ever seen, so
 * drawing each one would only keep the FX thread busy. Until the node is in a scene, a request
 * draws at once (nothing else would).
 */
public final class PulseRedraw {
    private final Node node;
    private final Runnable draw;
    private final Runnable onPulse = this::pulse;
    private Scene scene;
    private boolean dirty;

    public PulseRedraw(Node node, Runnable draw) {
        this.node = node;
        this.draw = draw;
        node.sceneProperty().addListener((o, old, now) -> attach(now));
        attach(node.getScene());
    }

    private void attach(Scene now) {
        if (scene != null) scene.removePreLayoutPulseListener(onPulse);
        scene = now;
        if (scene != null) {
            scene.addPreLayoutPulseListener(onPulse);
            if (dirty) Platform.requestNextPulse();
        }
    }

    /** Draws before the next frame (or now, outside a scene). */
    public void request() {
        if (scene == null) {
            dirty = false;
            draw.run();
            return;
        }
        if (!dirty) {
            dirty = true;
            Platform.requestNextPulse();
        }
    }

    private void pulse() {
        if (!dirty) return;
        dirty = false;
        draw.run();
    }
}
