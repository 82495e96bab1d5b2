package org.ecgworkbench.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The version Maven wrote into the jar manifest (the same one {@code --version} prints); a build run
 * from classes, not from the jar, has none and says so.
 */
public final class SoftwareVersion {
    public static final String DEVELOPMENT = "development build";
    /** What {@link #commit()} says when the build did not record its commit. */
    public static final String UNKNOWN_COMMIT = "unknown";

    private SoftwareVersion() {
    }

    public static String current() {
        String v = SoftwareVersion.class.getPackage().getImplementationVersion();
        return v == null ? DEVELOPMENT : v;
    }

    /**
     * The git commit the jar was built from: its manifest's {@code Git-Commit}, which the build fills in from
     * {@code -Dgit.commit=...} ({@code mvn package -Dgit.commit=$(git rev-parse HEAD)}); {@link #UNKNOWN_COMMIT}
     * when run from classes or built without it.
     */
    public static String commit() {
        URL self = SoftwareVersion.class.getResource(SoftwareVersion.class.getSimpleName() + ".class");
        if (self == null || !"jar".equals(self.getProtocol())) return UNKNOWN_COMMIT;
        String jar = self.toString();
        try (InputStream in = new URL(jar.substring(0, jar.indexOf("!/") + 2) + JarFile.MANIFEST_NAME).openStream()) {
            String commit = new Manifest(in).getMainAttributes().getValue("Git-Commit");
            return commit == null || commit.isBlank() || commit.startsWith("${") ? UNKNOWN_COMMIT : commit.trim();
        } catch (IOException | RuntimeException e) {
            return UNKNOWN_COMMIT;
        }
    }
}
