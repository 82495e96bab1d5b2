package org.ecgworkbench.label;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the challenge's small CSV files: comma separated, optionally double-quoted fields
 * ({@code "a name, with a comma"}, {@code ""} for a quote inside, blanks around the quotes
 * allowed), LF or CRLF line ends, an
 * optional byte-order mark, blank lines ignored. A quoted field may not span lines: no
 * catalogue needs it, and it keeps every error on one numbered line.
 *
 * <p>The files ship inside the application, so a malformed one is a bug, not bad user input:
 * every problem is an {@link IllegalStateException} naming the resource and the line.
 */
final class CatalogueCsv {

    /** One non-blank line: its 1-based number in the file and its fields, each stripped. */
    record Line(int number, List<String> fields) {
        Line {
            fields = List.copyOf(fields);
        }
    }

    private CatalogueCsv() {
    }

    /** Every non-blank line, the header included. */
    static List<Line> read(String resource, Reader reader) {
        List<Line> lines = new ArrayList<>();
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        int number = 0;
        try {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                number++;
                if (number == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
                if (text.isBlank()) continue;
                lines.add(new Line(number, split(text, resource, number)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read catalogue resource " + resource + ": " + e.getMessage(), e);
        }
        return lines;
    }

    static IllegalStateException malformed(String resource, int line, String problem) {
        return new IllegalStateException("malformed catalogue resource " + resource + ", line " + line + ": " + problem);
    }

    private static List<String> split(String text, String resource, int number) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int n = text.length();
        int i = 0;
        while (true) {
            int quote = skipBlanks(text, i); // a space before an opening quote is a common hand edit
            if (quote < n && text.charAt(quote) == '"') {
                i = quote;
                int opening = i++;
                while (true) {
                    if (i >= n) throw malformed(resource, number, "unterminated quote opened at column " + (opening + 1));
                    char c = text.charAt(i);
                    if (c != '"') {
                        field.append(c);
                        i++;
                    } else if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else {
                        i++;
                        break;
                    }
                }
                i = skipBlanks(text, i);
                if (i < n && text.charAt(i) != ',') {
                    throw malformed(resource, number, "text after a closing quote at column " + (i + 1));
                }
            } else {
                while (i < n && text.charAt(i) != ',') {
                    char c = text.charAt(i);
                    // A stray quote means the writer forgot to quote the whole field.
                    if (c == '"') throw malformed(resource, number, "quote inside an unquoted field at column " + (i + 1));
                    field.append(c);
                    i++;
                }
            }
            fields.add(field.toString().strip());
            field.setLength(0);
            if (i >= n) return fields;
            i++; // the comma; a trailing one yields a last, empty field
        }
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
        return i;
    }
}
