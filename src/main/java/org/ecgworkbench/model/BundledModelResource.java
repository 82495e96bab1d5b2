package org.ecgworkbench.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The demonstration model shipped on the class path ({@value #RESOURCE}, from {@code resources/models/}),
 * as a file for {@link ModelBundleIO}, which reads paths: read in place from the build tree, copied once
 * per run into a temporary folder (under its own name) from the jar. The one way to find it, for the command
 * line and the app's suggestions room.
 */
public final class BundledModelResource {
    public static final String RESOURCE = "/models/demo-resnet18-w025.ecgmodel";

    private static Path file;

    private BundledModelResource() {
    }

    /** The bundled model on disk (the same file for the whole run). */
    public static synchronized Path file() throws IOException {
        if (file == null) file = locate();
        return file;
    }

    private static Path locate() throws IOException {
        URL url = BundledModelResource.class.getResource(RESOURCE);
        if (url == null) throw new IOException("the bundled model (" + RESOURCE + ") is not on the class path");
        try {
            URI uri = url.toURI();
            if ("file".equals(uri.getScheme())) return Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IOException("cannot open the bundled model at " + url + ": " + e.getMessage(), e);
        }
        return copyOut(url);
    }

    /** Copies a class-path resource (e.g. inside the jar) to a new temporary folder, keeping its file name. */
    static Path copyOut(URL url) throws IOException {
        String path = url.getPath();
        Path folder = Files.createTempDirectory("ecg-workbench-model-");
        Path target = folder.resolve(path.substring(path.lastIndexOf('/') + 1));
        try (InputStream in = url.openStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        // deleteOnExit runs in reverse order of registration: the file first, then its folder.
        folder.toFile().deleteOnExit();
        target.toFile().deleteOnExit();
        return target;
    }
}
