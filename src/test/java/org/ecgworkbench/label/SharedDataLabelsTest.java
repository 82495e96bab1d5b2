package org.ecgworkbench.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code #Dx} line of the shared real records (../shared/data), when that folder is there.
 * The header is read minimally here so this package's tests do not lean on the record package.
 */
class SharedDataLabelsTest {

    @Test
    void everyRealDxEntryIsACodeOrACpscLabel() throws IOException {
        Path root = Path.of(System.getProperty("ecg.shared.data", "../shared/data"));
        assumeTrue(Files.isDirectory(root), "shared data not present: " + root);
        List<Path> headers;
        try (Stream<Path> files = Files.walk(root)) {
            headers = files.filter(p -> p.getFileName().toString().endsWith(".hea")).sorted().toList();
        }
        assumeTrue(!headers.isEmpty());

        DiagnosisCatalogue catalogue = DiagnosisCatalogue.standard();
        int labelled = 0;
        int cpscLabelled = 0;
        TreeSet<String> unknownCodes = new TreeSet<>();
        for (Path header : headers) {
            Optional<String> dx = dxValue(header);
            if (dx.isEmpty()) continue;
            LabelVector v = catalogue.labelVector(Arrays.asList(dx.get().split(",", -1)));
            assertThat(v.unknownEntries()).as(header.toString())
                    .allMatch(e -> e.status() == DxEntry.Status.UNKNOWN_CODE);
            v.unknownEntries().forEach(e -> unknownCodes.add(e.code().orElseThrow()));
            if (!v.entries().isEmpty()) labelled++;
            if (header.getParent().getFileName().toString().equals("cpsc2018-early") && !v.entries().isEmpty()) {
                cpscLabelled++;
                assertThat(v.entries()).as(header.toString()).allMatch(e -> e.diagnosis().isPresent());
                // Every CPSC class except PVC, STD and STE is scored.
                boolean onlyUnscoredCpsc = v.entries().stream().map(DxEntry::raw).map(String::strip)
                        .allMatch(s -> List.of("PVC", "STD", "STE").contains(s));
                assertThat(v.isEmpty()).as(header.toString()).isEqualTo(onlyUnscoredCpsc);
            }
        }
        assertThat(labelled).isGreaterThan(100);
        assertThat(cpscLabelled).isGreaterThan(50);
        assertThat(unknownCodes).contains("55827005");
    }

    private static Optional<String> dxValue(Path header) throws IOException {
        List<String> found = new ArrayList<>();
        for (String line : Files.readAllLines(header, StandardCharsets.ISO_8859_1)) {
            if (!line.startsWith("#")) continue;
            String comment = line.substring(1).strip();
            int colon = comment.indexOf(':');
            if (colon > 0 && comment.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("dx")) {
                found.add(comment.substring(colon + 1));
            }
        }
        return found.stream().findFirst();
    }
}
