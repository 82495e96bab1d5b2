package org.ecgworkbench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.Assertions;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChallengeMetricTest {
    private static final Path WEIGHTS = Path.of("resources/catalogue/weights.csv");
    private static final int NSR = DiagnosisCatalogue.standard().scoredClassOf("426783006").orElseThrow().index();

    @TempDir
    Path dir;

    @Test
    void theTableReducesToTheTwentyFourClassesWithPairsFolded() throws IOException {
        ChallengeMetric m = ChallengeMetric.standard();
        assertThat(m.classes()).isEqualTo(DiagnosisCatalogue.standard().scoredClasses());
        double[][] w = m.weightsInClassOrder();
        assertThat(w).hasDimensions(24, 24);
        for (int k = 0; k < 24; k++) assertThat(w[k][k]).isEqualTo(1.0);
        // The file's own row of 713427006 (CRBBB), read plainly, is the reduced row of class CRBBB|RBBB.
        List<String> lines = Files.readAllLines(WEIGHTS);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        String[] crbbb = lines.stream().filter(l -> l.startsWith("713427006,")).findFirst().orElseThrow().split(",");
        int crbbbClass = DiagnosisCatalogue.standard().scoredClassOf("713427006").orElseThrow().index();
        int af = DiagnosisCatalogue.standard().scoredClassOf("164889003").orElseThrow().index();
        assertThat(m.weight(crbbbClass, af)).isEqualTo(Double.parseDouble(crbbb[header.indexOf("164889003")]));
        assertThat(ChallengeMetric.fromCsv(WEIGHTS).weightsInClassOrder()).isDeepEqualTo(w);
    }

    @Test
    void truthScoresOneAndAlwaysNormalScoresZero() {
        boolean[][] labels = randomLabels(new Random(1), 50);
        boolean[][] normal = new boolean[50][24];
        for (boolean[] row : normal) row[NSR] = true;
        ChallengeMetric m = ChallengeMetric.standard();
        assertThat(m.score(labels, labels)).isEqualTo(1.0);
        assertThat(m.score(labels, normal)).isEqualTo(0.0);
        assertThat(m.score(labels, new boolean[50][24])).isNegative();
        // Every record normal: truth and the inactive classifier tie, and the official scorer says 0.
        assertThat(m.score(normal, labels)).isEqualTo(0.0);
    }

    @Test
    void rowAndColumnOrderOfTheFileDoesNotMatter() throws IOException {
        List<String> lines = Files.readAllLines(WEIGHTS);
        String[][] cells = lines.stream().map(l -> l.split(",", -1)).toArray(String[][]::new);
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i < cells.length; i++) order.add(i);
        Collections.shuffle(order, new Random(7));
        order.add(0, 0);
        StringBuilder sb = new StringBuilder();
        for (int r : order) {
            List<String> row = new ArrayList<>();
            for (int c : order) row.add(" " + cells[r][c] + " "); // spaces too: the official reader strips them
            sb.append(String.join(",", row).substring(1)).append('\n');
        }
        Path shuffled = Files.writeString(dir.resolve("shuffled.csv"), sb.toString());
        ChallengeMetric m = ChallengeMetric.fromCsv(shuffled);
        assertThat(m.weightsInClassOrder()).isDeepEqualTo(ChallengeMetric.standard().weightsInClassOrder());
        Random random = new Random(3);
        boolean[][] labels = randomLabels(random, 40);
        boolean[][] outputs = randomLabels(random, 40);
        assertThat(m.score(labels, outputs)).isCloseTo(ChallengeMetric.standard().score(labels, outputs),
                Assertions.within(1e-14));
    }

    @Test
    void equivalentCodesWithDifferentWeightsAreRefusedNamingFileAndLine() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(WEIGHTS));
        int row = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("59118001,")) row = i;
        String[] cells = lines.get(row).split(",");
        cells[2] = "0.123";
        lines.set(row, String.join(",", cells));
        Path bad = Files.write(dir.resolve("bad.csv"), lines);
        int line = row + 1;
        assertThatThrownBy(() -> ChallengeMetric.fromCsv(bad)).isInstanceOf(EvalFileFormatException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("line " + line).hasMessageContaining("59118001");
    }

    @Test
    void malformedTablesNameTheFileLineAndField() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(WEIGHTS));
        lines.set(3, lines.get(3).replaceFirst(",0\\.5,", ",half,"));
        Path word = Files.write(dir.resolve("word.csv"), lines);
        assertThatThrownBy(() -> ChallengeMetric.fromCsv(word)).isInstanceOf(EvalFileFormatException.class)
                .hasMessageContaining("word.csv: line 4, column").hasMessageContaining("'half'");

        Path notSquare = Files.write(dir.resolve("short.csv"), Files.readAllLines(WEIGHTS).subList(0, 10));
        assertThatThrownBy(() -> ChallengeMetric.fromCsv(notSquare)).isInstanceOf(EvalFileFormatException.class)
                .hasMessageContaining("short.csv").hasMessageContaining("square");

        Path unknown = Files.writeString(dir.resolve("unknown.csv"), ",1,2\n1,1,0\n2,0,1\n");
        assertThatThrownBy(() -> ChallengeMetric.fromCsv(unknown)).isInstanceOf(EvalFileFormatException.class)
                .hasMessageContaining("unknown.csv: line 2").hasMessageContaining("not a scored class");
    }

    @Test
    void shapesAreChecked() {
        assertThatThrownBy(() -> ChallengeMetric.standard().score(new boolean[2][24], new boolean[2][23]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outputs row 0");
    }

    static boolean[][] randomLabels(Random random, int n) {
        boolean[][] labels = new boolean[n][24];
        for (boolean[] row : labels) for (int k = 0; k < 24; k++) row[k] = random.nextDouble() < 0.15;
        return labels;
    }
}
