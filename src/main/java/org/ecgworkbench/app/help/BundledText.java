package org.ecgworkbench.app.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Texts the build copies into the jar (pom.xml: README.md, docs/user-guide.md, samples/README.md). */
final class BundledText {
    private BundledText() {
    }

    /** The whole resource as UTF-8; a missing one is a broken build, said by name. */
    static String read(String resource) {
        try (InputStream in = BundledText.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("not in the build: " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * The markdown section under the heading {@code heading} (its lines up to the next heading of the
     * same or a higher level), without the heading itself.
     */
    static String section(String markdown, String heading) {
        String[] lines = markdown.split("\r?\n", -1);
        int level = heading.indexOf(' ');
        StringBuilder out = new StringBuilder();
        boolean inside = false;
        for (String line : lines) {
            if (inside) {
                int hashes = headingLevel(line);
                if (hashes > 0 && hashes <= level) break;
                out.append(line).append('\n');
            } else if (line.strip().equals(heading)) {
                inside = true;
            }
        }
        if (!inside) throw new IllegalStateException("no section \"" + heading + "\"");
        return out.toString().strip();
    }

    /** The block quote that starts with {@code start} (its lines, with the "> " marks removed). */
    static String quote(String markdown, String start) {
        StringBuilder out = new StringBuilder();
        boolean inside = false;
        for (String line : markdown.split("\r?\n", -1)) {
            if (!inside && line.startsWith("> " + start)) inside = true;
            if (inside) {
                if (!line.startsWith(">")) break;
                out.append(line.substring(1).strip()).append(' ');
            }
        }
        if (!inside) throw new IllegalStateException("no quote starting \"" + start + "\"");
        return out.toString().strip();
    }

    private static int headingLevel(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '#') n++;
        return n > 0 && n < line.length() && line.charAt(n) == ' ' ? n : 0;
    }
}
