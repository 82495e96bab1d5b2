package org.ecgworkbench.tools;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * Writes a node's snapshot as a PNG into {@code -Decg.screenshots.dir} (default {@code target/screenshots};
 * {@code docs/images} refreshes the pictures the README shows).
 */
public final class Screenshots {
    /** The pictures in docs/images are taken at the smallest window the layout is checked at (issue 13). */
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 720;

    private Screenshots() {
    }

    /** The window at {@link #WIDTH} × {@link #HEIGHT}, for a screenshot of the whole workbench. */
    public static void sizeWindow(Stage stage) {
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(WIDTH);
        stage.setHeight(HEIGHT);
    }

    public static BufferedImage write(FxRobot robot, Node node, String fileName) throws IOException {
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(node.snapshot(null, null)));
        BufferedImage image = SwingFXUtils.fromFXImage(shot.get(), null);
        Path dir = Path.of(System.getProperty("ecg.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        ImageIO.write(image, "png", dir.resolve(fileName).toFile());
        return image;
    }
}
