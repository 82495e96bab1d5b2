package org.ecgworkbench.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A Java agent that does nothing, packed by {@link #write} into one jar with the Monocle glass platform,
 * so that {@code java -javaagent:that.jar -Dglass.platform=Monocle … -jar target/ecg-workbench.jar} runs
 * the real workbench without a display. Monocle is a test dependency, not in the jar's manifest class
 * path, and {@code -jar} ignores {@code -cp}; the JVM appends an agent's jar to the system class path,
 * where JavaFX (itself on the class path of the plain jar) finds the platform.
 */
public final class MonocleAgent {
    private MonocleAgent() {
    }

    /** Called by the JVM before {@code main}: nothing to do, the jar is on the class path now. */
    public static void premain(String arguments) {
        // intentionally empty
    }

    /** Writes {@code jar}: every entry of the Monocle jar this test runs with, plus this class as the agent. */
    public static Path write(Path jar) throws IOException {
        Path monocle;
        try {
            Class<?> factory = Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory");
            monocle = Path.of(factory.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IOException("Monocle (org.testfx:openjfx-monocle) is not on the test class path", e);
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), MonocleAgent.class.getName());
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             JarFile in = new JarFile(monocle.toFile())) {
            for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                JarEntry e = entries.nextElement();
                if (e.getName().startsWith("META-INF/")) continue;
                out.putNextEntry(new JarEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
            String self = MonocleAgent.class.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(self));
            try (InputStream data = MonocleAgent.class.getClassLoader().getResourceAsStream(self)) {
                if (data == null) throw new IOException("cannot read " + self);
                data.transferTo((OutputStream) out);
            }
            out.closeEntry();
        }
        return jar;
    }
}
