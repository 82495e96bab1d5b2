package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.ecgworkbench.app.dataset.DatasetBrowserViewModel;
import org.ecgworkbench.support.FxTest;
import org.ecgworkbench.tools.Screenshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes the dataset room screenshot of the README: the samples plus 4,310 header-only records
 * (a tenth of the challenge, its sources and class prevalences) and two broken ones. Into
 * {@code target/screenshots/} on every build; to refresh the committed picture run
 * {@code mvn -B -o test -Dtest=DatasetBrowserScreenshotTest -Decg.screenshots.dir=docs/images}.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class DatasetBrowserScreenshotTest {

    /** Records per scored code in the CinC 2020 training data (the challenge paper's table). */
    static final Map<String, Integer> CHALLENGE_COUNTS = Map.ofEntries(
            Map.entry("270492004", 2394), Map.entry("164889003", 3475), Map.entry("164890007", 314),
            Map.entry("426627000", 288), Map.entry("713427006", 683), Map.entry("713426002", 1611),
            Map.entry("445118002", 1806), Map.entry("39732003", 6086), Map.entry("164909002", 1041),
            Map.entry("251146004", 794), Map.entry("698252002", 997), Map.entry("10370003", 299),
            Map.entry("284470004", 1729), Map.entry("427172004", 188), Map.entry("164947007", 340),
            Map.entry("111975006", 1513), Map.entry("164917005", 1013), Map.entry("47665007", 427),
            Map.entry("59118001", 1857), Map.entry("427393009", 1235), Map.entry("426177001", 2359),
            Map.entry("426783006", 20846), Map.entry("427084000", 2402), Map.entry("63593006", 224),
            Map.entry("164934002", 5167), Map.entry("59931005", 1112), Map.entry("17338001", 659));

    @TempDir
    Path data;

    private EcgWorkbenchApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new EcgWorkbenchApp();
        app.start(stage);
        Screenshots.sizeWindow(stage);
    }

    /** Header-only records shaped like the challenge's (never read beyond the header by the scan). */
    static void writeChallengeLikeHeaders(Path dir, int n, long seed) throws IOException {
        Random random = new Random(seed);
        String[] prefixes = {"A", "Q", "I", "S", "HR", "E"};
        int[] sourceSizes = {6877, 3453, 74, 516, 21837, 10344};
        int total = 0;
        for (int s : sourceSizes) total += s;
        for (int i = 1; i <= n; i++) {
            int pick = random.nextInt(total);
            int src = 0;
            while (pick >= sourceSizes[src]) pick -= sourceSizes[src++];
            String id = prefixes[src] + String.format("%05d", i);
            int fs = switch (prefixes[src]) { case "I" -> 257; case "S" -> 1000; default -> 500; };
            double seconds = switch (prefixes[src]) {
                case "A", "Q" -> 6 + random.nextInt(55);
                case "I" -> 1800;
                case "S" -> 32 + random.nextInt(90);
                default -> 10;
            };
            List<String> dx = new ArrayList<>();
            new TreeMap<>(CHALLENGE_COUNTS).forEach((code, count) -> { // a fixed order: the same picture every run
                if (random.nextDouble() < count / 43_101.0) dx.add(code);
            });
            if (dx.isEmpty()) dx.add("426783006");
            StringBuilder h = new StringBuilder();
            h.append(id).append(" 12 ").append(fs).append(' ').append((long) (seconds * fs)).append('\n');
            for (String lead : List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6")) {
                h.append(id).append(".mat 16+24 1000/mV 16 0 0 0 0 ").append(lead).append('\n');
            }
            h.append("#Age: ").append(18 + random.nextInt(75)).append('\n');
            h.append("#Sex: ").append(random.nextBoolean() ? "Male" : "Female").append('\n');
            h.append("#Dx: ").append(String.join(",", dx)).append('\n');
            Files.writeString(dir.resolve(id + ".hea"), h);
            writeSparseMat4(dir.resolve(id + ".mat"), 12, (long) (seconds * fs));
        }
    }

    /**
     * A MAT v4 file holding a 12 × n int16 matrix {@code val} of zeros, sparse on disk: the scan's size check and
     * its signal pass both accept it, so the table shows the records as readable (the scan checks signal files).
     */
    static void writeSparseMat4(Path file, int rows, long cols) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(30).putInt(rows).putInt((int) cols).putInt(0).putInt(4).put(new byte[] {'v', 'a', 'l', 0});
        try (var out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(head.array());
            out.setLength(24 + rows * cols * 2);
        }
    }

    @Test
    void writesTheDatasetScreenshot(FxRobot robot) throws Exception {
        EcgWorkbenchAppTest.waitForDrawing(app.viewModel().viewer(), d -> d.recordId().equals("00001_lr"));
        writeChallengeLikeHeaders(data, 1000, 2020);
        Files.writeString(data.resolve("E99998.hea"), "E99998 12 500\n#Dx: 426783006\n");
        Files.writeString(data.resolve("HR99999.hea"), "HR99999 12 five-hundred 5000\n");
        DatasetBrowserViewModel vm = app.viewModel().datasetBrowser();
        DatasetBrowserAppTest.scan(robot, vm, List.of(SampleRecords.folder(), data));
        // The picture shows the finished scan: headers and signals checked.
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.checkingSignalsProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.allRows()).hasSizeGreaterThan(900);
        robot.interact(() -> vm.sourceFilterProperty().set(vm.sourceOptions().stream()
                .filter(o -> o.text().startsWith("E ")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();

        BufferedImage image = Screenshots.write(robot, stage.getScene().getRoot(), "dataset.png");
        assertThat(image.getWidth()).isEqualTo((int) Screenshots.WIDTH);
    }
}
