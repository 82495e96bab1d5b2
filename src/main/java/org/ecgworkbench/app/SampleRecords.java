package org.ecgworkbench.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real sample records shipped with the app ({@code resources/samples/}, on the class path as
 * {@code /samples/}). Run from the build tree they are a folder on disk and are read in place
 * (never written). Run from the jar they are copied once per run into a temporary folder, because
 * the record readers take file paths (signal files are read beside their headers) and a
 * zip file system would tie the viewer to the jar's lifetime.
 */
public final class SampleRecords {
    /** A file every sample folder has; its location tells where the folder is. */
    static final String MARKER = "/samples/README.md";

    private static Path folder;

    private SampleRecords() {
    }

    /** The sample folder on disk (the same one for the whole run). */
    public static synchronized Path folder() {
        if (folder == null) folder = locate();
        return folder;
    }

    /** The sample records, sorted by name. */
    public static List<Path> records() {
        try {
            return RecordFiles.inFolder(folder());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sample records in " + folder(), e);
        }
    }

    private static Path locate() {
        URL url = SampleRecords.class.getResource(MARKER);
        if (url == null) throw new IllegalStateException("the sample records (" + MARKER + ") are not on the class path");
        try {
            URI uri = url.toURI();
            if ("file".equals(uri.getScheme())) return Path.of(uri).getParent();
            return copyOut(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the sample records at " + url + ": " + e.getMessage(), e);
        }
    }

    static Path copyOut(URI marker) throws IOException {
        FileSystem zip;
        boolean opened = false;
        try {
            zip = FileSystems.newFileSystem(marker, Map.of());
            opened = true;
        } catch (FileSystemAlreadyExistsException e) {
            zip = FileSystems.getFileSystem(marker);
        }
        try {
            Path source = zip.getPath("/samples");
            Path target = Files.createTempDirectory("ecg-workbench-samples-");
            target.toFile().deleteOnExit();
            try (Stream<Path> files = Files.list(source)) {
                for (Path p : files.toList()) {
                    Path out = target.resolve(p.getFileName().toString());
                    Files.copy(p, out);
                    out.toFile().deleteOnExit();
                }
            }
            return target;
        } finally {
            if (opened) zip.close();
        }
    }
}
