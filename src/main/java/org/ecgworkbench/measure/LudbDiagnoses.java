package org.ecgworkbench.measure;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecgworkbench.label.DiagnosisCatalogue;

/**
 * LUDB's diagnoses ({@code ludb.csv}: one column per kind of finding, several findings per cell, one per line)
 * mapped to SNOMED CT codes of the challenge catalogue by the project's table {@value #RESOURCE}, documented in
 * docs/measurements.md. A text the table maps to no code (a normal axis) is listed as unmapped there.
 */
public final class LudbDiagnoses {

    public static final String RESOURCE = "/measure/ludb-diagnoses.csv";
    /** Columns of ludb.csv that are not findings. */
    private static final Set<String> NOT_FINDINGS = Set.of("ID", "Sex", "Age");

    /** One row of the mapping: a finding's column and text, its code (empty: unmapped) and why. */
    public record Mapping(String column, String text, Optional<String> code, String note) {
    }

    /** The labels of a ludb.csv: codes per record id ("1" … "200"), and the findings the table does not know. */
    public record Labels(Map<String, List<String>> codesById, List<String> unknownFindings) {
        public Labels {
            codesById = Map.copyOf(codesById);
            unknownFindings = List.copyOf(unknownFindings);
        }
    }

    private static volatile LudbDiagnoses standard;

    private final Map<String, Mapping> byKey;

    private LudbDiagnoses(List<Mapping> mappings) {
        Map<String, Mapping> m = new LinkedHashMap<>();
        for (Mapping x : mappings) {
            if (m.put(key(x.column(), x.text()), x) != null) {
                throw new IllegalStateException(RESOURCE + ": " + x.column() + " / " + x.text() + " is mapped twice");
            }
        }
        this.byKey = m;
    }

    /** The project's mapping, read once; every code is checked against the catalogue. */
    public static LudbDiagnoses standard() {
        LudbDiagnoses result = standard;
        if (result == null) {
            synchronized (LudbDiagnoses.class) {
                result = standard;
                if (result == null) {
                    InputStream in = LudbDiagnoses.class.getResourceAsStream(RESOURCE);
                    if (in == null) throw new IllegalStateException("LUDB mapping " + RESOURCE + " is not on the classpath");
                    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                        result = new LudbDiagnoses(readMappings(Csv.read(r)));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + RESOURCE, e);
                    }
                    standard = result;
                }
            }
        }
        return result;
    }

    private static List<Mapping> readMappings(List<List<String>> rows) {
        if (rows.isEmpty() || !rows.get(0).equals(List.of("column", "text", "code", "note"))) {
            throw new IllegalStateException(RESOURCE + ": expected the header column,text,code,note");
        }
        DiagnosisCatalogue catalogue = DiagnosisCatalogue.standard();
        List<Mapping> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() != 4) throw new IllegalStateException(RESOURCE + ", row " + (i + 1) + ": expected 4 fields");
            String code = r.get(2).strip();
            if (!code.isEmpty() && catalogue.byCode(code).isEmpty()) {
                throw new IllegalStateException(RESOURCE + ", row " + (i + 1) + ": code " + code + " is not in the catalogue");
            }
            out.add(new Mapping(r.get(0).strip(), r.get(1).strip(), code.isEmpty() ? Optional.empty() : Optional.of(code),
                    r.get(3).strip()));
        }
        return out;
    }

    private static String key(String column, String text) {
        return column + "\u0000" + text;
    }

    public List<Mapping> mappings() {
        return List.copyOf(byKey.values());
    }

    /** The mapping of one finding, if the table has it. */
    public Optional<Mapping> lookup(String column, String text) {
        return Optional.ofNullable(byKey.get(key(column.strip(), text.strip())));
    }

    /** Reads a ludb.csv; IOException naming the file when it is not one. */
    public Labels read(Path ludbCsv) throws IOException {
        List<List<String>> rows;
        try (Reader r = Files.newBufferedReader(ludbCsv, StandardCharsets.UTF_8)) {
            rows = Csv.read(r);
        } catch (IllegalArgumentException e) {
            throw new IOException(ludbCsv + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty() || !rows.get(0).contains("ID")) throw new IOException(ludbCsv + ": no header with an ID column");
        List<String> header = rows.get(0);
        int id = header.indexOf("ID");
        Map<String, List<String>> codes = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() != header.size()) throw new IOException(ludbCsv + ", row " + (i + 1) + ": expected " + header.size() + " fields");
            Set<String> recordCodes = new LinkedHashSet<>();
            for (int c = 0; c < header.size(); c++) {
                if (NOT_FINDINGS.contains(header.get(c))) continue;
                for (String finding : row.get(c).split("\n")) {
                    if (finding.isBlank()) continue;
                    Optional<Mapping> m = lookup(header.get(c), finding);
                    if (m.isEmpty()) unknown.add(header.get(c) + ": " + finding.strip());
                    else m.get().code().ifPresent(recordCodes::add);
                }
            }
            codes.put(row.get(id).strip(), List.copyOf(recordCodes));
        }
        return new Labels(codes, new ArrayList<>(unknown));
    }

    /** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; CR is dropped. */
    static final class Csv {
        private Csv() {
        }

        static List<List<String>> read(Reader in) throws IOException {
            StringBuilder all = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) all.append(buffer, 0, n);
            String text = all.toString().replace("\r", "");
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                char ch = text.charAt(i++);
                if (ch == '"') {
                    while (true) {
                        if (i >= text.length()) throw new IllegalArgumentException("unterminated quoted field");
                        char q = text.charAt(i++);
                        if (q != '"') field.append(q);
                        else if (i < text.length() && text.charAt(i) == '"') field.append(text.charAt(i++));
                        else break;
                    }
                } else if (ch == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(ch);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
