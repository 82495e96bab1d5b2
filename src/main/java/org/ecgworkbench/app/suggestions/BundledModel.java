package org.ecgworkbench.app.suggestions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The demonstration model shipped with the app ({@code resources/models/}, on the class path as
 * {@value #RESOURCE}). Run from the build tree it is read in place; run from the jar it is copied
 * once per run into a temporary folder under its own name (the UI shows the model's file name),
 * because {@link org.ecgworkbench.model.ModelBundleIO} reads paths.
 */
public final class BundledModel {
    static final String RESOURCE = "/models/demo-resnet18-w025.ecgmodel";

    private static Path file;

    private BundledModel() {
    }

    /** The bundled model on disk (the same file for the whole run). */
    public static synchronized Path file() {
        if (file == null) file = locate();
        return file;
    }

    /** Whether a path is the bundled model's. */
    public static boolean isBundled(Path path) {
        return path != null && file != null && path.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
    }

    private static Path locate() {
        URL url = BundledModel.class.getResource(RESOURCE);
        if (url == null) throw new IllegalStateException("the bundled model (" + RESOURCE + ") is not on the class path");
        try {
            URI uri = url.toURI();
            if ("file".equals(uri.getScheme())) return Path.of(uri);
            return copyOut(url);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the bundled model at " + url + ": " + e.getMessage(), e);
        }
    }

    /** Copies a class-path resource (e.g. inside the jar) to a new temporary folder, keeping its file name. */
    static Path copyOut(URL url) throws IOException {
        String path = url.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        Path folder = Files.createTempDirectory("ecg-workbench-model-");
        Path target = folder.resolve(name);
        try (InputStream in = url.openStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        // deleteOnExit runs in reverse order of registration: the file first, then its folder.
        folder.toFile().deleteOnExit();
        target.toFile().deleteOnExit();
        return target;
    }
}
