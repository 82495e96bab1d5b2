package org.ecgworkbench.app.help;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import org.ecgworkbench.record.AtomicFiles;

/**
 * Help → User guide: the guide as a file to hand to the desktop, and its text to show. From a
 * checkout that is {@code docs/user-guide.md} under the working directory (its pictures beside it);
 * the packaged app has no docs folder, so the copy bundled in the jar is written to a temporary
 * file (temp name, then renamed) and that is opened instead.
 *
 * @param file    the document, existing
 * @param bundled whether it is the jar's copy (the pictures are not there)
 * @param text    its markdown
 */
public record UserGuide(Path file, boolean bundled, String text) {
    static final String RESOURCE = "/org/ecgworkbench/app/help/user-guide.md";
    static final Path IN_CHECKOUT = Path.of("docs", "user-guide.md");

    /** The checkout's guide under {@code workingDir} when there is one, else the bundled copy written into {@code tempDir}. */
    public static UserGuide resolve(Path workingDir, Path tempDir) throws IOException {
        Path onDisk = workingDir.resolve(IN_CHECKOUT);
        if (Files.isRegularFile(onDisk)) return new UserGuide(onDisk.toAbsolutePath(), false, Files.readString(onDisk));
        String text = bundledText();
        Path target = tempDir.resolve("ecg-workbench-user-guide.md");
        AtomicFiles.write(target, true, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        return new UserGuide(target.toAbsolutePath(), true, text);
    }

    /** The guide as built into the jar. */
    public static String bundledText() {
        return BundledText.read(RESOURCE);
    }
}
