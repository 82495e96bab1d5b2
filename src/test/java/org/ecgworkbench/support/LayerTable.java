package org.ecgworkbench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layer table of docs/architecture.md ("Packages and their one-way dependencies"), the one statement of
 * which project package may use which: ArchitectureTest builds its layer rule from it. A row is
 * {@code | layer | `package` | holds | uses |}, where uses lists packages in backticks, or {@code —}. A class
 * belongs to the row of its package or of the nearest enclosing package that has a row, so a subpackage
 * (say {@code signal.dsp}) is part of its parent until it gets a row of its own.
 *
 * @param layers the layer number of each package (relative to {@code org.ecgworkbench}), in table order
 * @param uses   the packages each package may use
 */
public record LayerTable(Map<String, Integer> layers, Map<String, Set<String>> uses) {
    public static final String ROOT = "org.ecgworkbench";
    public static final Path DOC = Path.of("docs/architecture.md");
    static final String HEADING = "## Packages and their one-way dependencies";
    private static final Pattern ROW = Pattern.compile("^\\|\\s*(\\d+)\\s*\\|\\s*`([a-z][a-z0-9.]*)`\\s*\\|.*\\|\\s*([^|]*?)\\s*\\|\\s*$");
    private static final Pattern NAME = Pattern.compile("`([a-z][a-z0-9.]*)`");

    public LayerTable {
        layers = Map.copyOf(layers);
        uses = Map.copyOf(uses);
    }

    public static LayerTable read() throws IOException {
        return parse(Files.readString(DOC));
    }

    /** The table under {@value #HEADING}: its rows up to the first line that is not a table line. */
    public static LayerTable parse(String markdown) {
        int at = markdown.indexOf(HEADING);
        if (at < 0) throw new IllegalArgumentException("no section \"" + HEADING + "\"");
        Map<String, Integer> layers = new LinkedHashMap<>();
        Map<String, Set<String>> uses = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : markdown.substring(at).split("\n")) {
            if (!line.startsWith("|")) {
                if (inTable) break;
                continue;
            }
            inTable = true;
            Matcher row = ROW.matcher(line);
            if (!row.matches()) continue; // the header and the |---| line
            String pkg = row.group(2);
            if (layers.put(pkg, Integer.parseInt(row.group(1))) != null) throw new IllegalArgumentException("two rows for " + pkg);
            Set<String> used = new LinkedHashSet<>();
            Matcher name = NAME.matcher(row.group(3));
            while (name.find()) used.add(name.group(1));
            uses.put(pkg, used);
        }
        if (layers.isEmpty()) throw new IllegalArgumentException("no rows under \"" + HEADING + "\"");
        for (Map.Entry<String, Set<String>> e : uses.entrySet()) {
            for (String used : e.getValue()) {
                if (!layers.containsKey(used)) throw new IllegalArgumentException(e.getKey() + " uses " + used + ", which has no row");
            }
        }
        return new LayerTable(layers, uses);
    }

    /** The row a Java package belongs to, or empty for the root package itself ({@code Main}) and foreign packages. */
    public Optional<String> rowOf(String javaPackage) {
        if (!javaPackage.startsWith(ROOT + ".")) return Optional.empty();
        String rest = javaPackage.substring(ROOT.length() + 1);
        for (String p = rest; ; p = p.substring(0, p.lastIndexOf('.'))) {
            if (layers.containsKey(p)) return Optional.of(p);
            if (p.indexOf('.') < 0) return Optional.of(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
        }
    }

    /** Whether a class of row {@code from} may use one of row {@code to}. */
    public boolean allows(String from, String to) {
        return from.equals(to) || uses.getOrDefault(from, Set.of()).contains(to);
    }

    /** The rows whose uses point at a higher layer (the table must read bottom up). */
    public List<String> upwardUses() {
        List<String> out = new ArrayList<>();
        uses.forEach((pkg, used) -> used.stream().filter(u -> layers.get(u) > layers.get(pkg))
                .forEach(u -> out.add(pkg + " (layer " + layers.get(pkg) + ") uses " + u + " (layer " + layers.get(u) + ")")));
        return out;
    }
}
