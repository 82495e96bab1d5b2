package org.ecgworkbench.app.help;

import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.model.SoftwareVersion;

/**
 * Help → About: the version, the main dependencies' licences, the credit for the bundled sample
 * records and the not-a-medical-device statement. The credit and the statement are read from the
 * bundled copies of {@code resources/samples/README.md} and {@code README.md}, so they say what the
 * repository says.
 *
 * @param version            the version in the jar's manifest ({@link SoftwareVersion})
 * @param licences           the main dependencies, in the order of {@code licences.tsv}
 * @param dataCredits        the "Credit and licences" section of the samples' README
 * @param notAMedicalDevice  README's statement
 */
public record About(String version, List<Licence> licences, String dataCredits, String notAMedicalDevice) {
    static final String LICENCES = "/org/ecgworkbench/app/help/licences.tsv";
    static final String README = "/org/ecgworkbench/app/help/README.md";
    static final String SAMPLES_README = "/samples/README.md";

    public About {
        licences = List.copyOf(licences);
    }

    /** The About of this build, from the bundled texts. */
    public static About current() {
        return new About(SoftwareVersion.current(), readLicences(),
                reflow(plain(BundledText.section(BundledText.read(SAMPLES_README), "## Credit and licences"))),
                plain(BundledText.quote(BundledText.read(README), "**Not a medical device.**")));
    }

    /** The whole of it as plain text, for the dialog. */
    public String text() {
        StringBuilder s = new StringBuilder();
        s.append("ECG Workbench ").append(version).append("\n\n");
        s.append(notAMedicalDevice).append("\n\n");
        s.append("Built with\n");
        for (Licence l : licences) s.append("  ").append(l.name()).append(" — ").append(l.licence()).append('\n');
        s.append("\nSample records\n").append(dataCredits).append('\n');
        return s.toString();
    }

    /** Markdown's emphasis, code marks and links as plain text ("[docs/benchmarks.md](docs/benchmarks.md)" → "docs/benchmarks.md"). */
    static String plain(String markdown) {
        return markdown.replace("**", "").replace("`", "").replaceAll("\\[([^\\]]+)]\\([^)]+\\)", "$1");
    }

    /** Markdown's wrapped lines joined into paragraphs (a wrapping text area wraps them again); list items kept apart. */
    static String reflow(String markdown) {
        StringBuilder out = new StringBuilder();
        for (String line : markdown.split("\r?\n")) {
            String t = line.strip();
            if (t.isEmpty()) out.append("\n\n");
            else if (t.startsWith("- ") || out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
                if (t.startsWith("- ") && out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append('\n');
                out.append(t);
            } else out.append(' ').append(t);
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    static List<Licence> readLicences() {
        List<Licence> out = new ArrayList<>();
        for (String line : BundledText.read(LICENCES).split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f.length != 3) throw new IllegalStateException(LICENCES + ": not artifact, name, licence: " + line);
            out.add(new Licence(f[0].strip(), f[1].strip(), f[2].strip()));
        }
        return out;
    }
}
