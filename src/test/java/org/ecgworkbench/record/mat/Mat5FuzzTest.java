package org.ecgworkbench.record.mat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.ecgworkbench.record.RecordFormatException;
import org.ecgworkbench.record.Sex;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing: every mutated file must either read or fail with a RecordFormatException
 * naming the file. Never another exception, never an OutOfMemoryError, never a hang.
 */
@SlowTest
class Mat5FuzzTest {

    private static final long SEED = 20180601L;
    private static final int ITERATIONS_PER_SEED_FILE = 560;
    private static final int[] HUGE = {0x7fffffff, 0xffffffff, 0x80000000, 0x7ffffff8, 0x40000000, 0x10000000, 0x0fffffff, 0x00ffffff};

    @TempDir
    Path dir;

    private record Seed(String name, byte[] bytes) {
    }

    @Test
    void mutatedFilesReadOrFailWithARecordFormatException() throws IOException {
        List<Seed> seeds = seeds();
        Map<String, int[]> outcomes = new LinkedHashMap<>(); // seed -> {read, refused}
        long start = System.nanoTime();

        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random random = new Random(SEED);
            for (Seed seed : seeds) {
                int[] counts = outcomes.computeIfAbsent(seed.name, k -> new int[2]);
                Path file = dir.resolve("fuzz-" + seed.name + ".mat");
                for (int i = 0; i < ITERATIONS_PER_SEED_FILE; i++) {
                    StringBuilder how = new StringBuilder();
                    byte[] mutated = mutate(seed.bytes, random, how);
                    Files.write(file, mutated);
                    try {
                        Mat5Content content = Mat5Reader.read(file);
                        assertThat(content.signalCount()).isBetween(1, Mat5Content.MAX_SIGNALS);
                        counts[0]++;
                    } catch (RecordFormatException e) {
                        if (!e.getMessage().contains(file.getFileName().toString())) {
                            fail("message does not name the file (" + seed.name + " #" + i + ", " + how + "): "
                                    + e.getMessage());
                        }
                        counts[1]++;
                    } catch (Throwable t) {
                        StringWriter trace = new StringWriter();
                        t.printStackTrace(new PrintWriter(trace));
                        fail("seed file " + seed.name + ", iteration " + i + ", mutation " + how + ": " + trace);
                    }
                }
            }
        });

        int total = outcomes.values().stream().mapToInt(c -> c[0] + c[1]).sum();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Mat5 fuzz: %d cases in %.1f s; per seed file {read, refused}: %s%n", total, seconds,
                outcomes.entrySet().stream().map(e -> e.getKey() + "=" + Arrays.toString(e.getValue())).toList());
        assertThat(total).isGreaterThanOrEqualTo(2000);
        assertThat(outcomes.values()).allSatisfy(c -> assertThat(c[1]).isPositive());
        assertThat(outcomes.values().stream().mapToInt(c -> c[0]).sum()).isPositive();
    }

    /** A writer file (compressed, big-endian) and a CPSC-style struct, each also uncompressed. */
    private List<Seed> seeds() throws IOException {
        List<Seed> seeds = new ArrayList<>();
        Path written = dir.resolve("seed-writer.mat");
        double[][] rows = Mat5WriterTest.randomMv(3, 64, 5);
        rows[1] = new double[64];
        Mat5Writer.write(written, new Mat5Content.Signals(rows, OptionalDouble.of(500), List.of("I", "II", "V1"),
                Optional.of("fuzz"), OptionalDouble.of(50), Optional.of(Sex.MALE), List.of("59118001")), false);
        byte[] writer = Files.readAllBytes(written);
        seeds.add(new Seed("writer", writer));
        seeds.add(new Seed("writer-uncompressed", Mat5ReaderTest.Fixtures.expand(writer)));

        String shared = System.getProperty("ecg.shared.data");
        Path cpsc = shared == null ? null : Path.of(shared, "cpsc2018-original", "A1980.mat");
        if (cpsc != null && Files.isRegularFile(cpsc)) {
            byte[] real = Files.readAllBytes(cpsc);
            seeds.add(new Seed("A1980", real));
            seeds.add(new Seed("A1980-uncompressed", Mat5ReaderTest.Fixtures.expand(real)));
        } else {
            // Without the shared data, a small struct of the same layout stands in.
            Path struct = dir.resolve("seed-struct.mat");
            Mat5ReaderTest.Fixtures.writeJmatio(struct,
                    Mat5ReaderTest.Fixtures.ecgStruct(Mat5WriterTest.randomMv(12, 40, 6), 52, "Male"));
            byte[] bytes = Files.readAllBytes(struct);
            seeds.add(new Seed("struct", bytes));
            seeds.add(new Seed("struct-uncompressed", Mat5ReaderTest.Fixtures.expand(bytes)));
        }
        return seeds;
    }

    private static byte[] mutate(byte[] seed, Random random, StringBuilder how) {
        int kind = random.nextInt(100);
        if (kind < 20) {
            int length = random.nextInt(seed.length);
            how.append("truncate to ").append(length);
            return Arrays.copyOf(seed, length);
        }
        if (kind < 42) {
            return flipBytes(seed.clone(), random, how);
        }
        if (kind < 64) {
            return hugeWords(seed.clone(), random, how);
        }
        if (kind < 86) {
            return mutateInsideCompressed(seed, random, how);
        }
        if (kind < 96) {
            byte[] garbage = new byte[random.nextInt(2048)];
            random.nextBytes(garbage);
            boolean withHeader = random.nextBoolean() && garbage.length >= 128;
            if (withHeader) System.arraycopy(seed, 0, garbage, 0, 128);
            how.append("garbage of ").append(garbage.length).append(" bytes").append(withHeader ? " after the header" : "");
            return garbage;
        }
        how.append("empty");
        return new byte[0];
    }

    private static byte[] flipBytes(byte[] bytes, Random random, StringBuilder how) {
        int flips = 1 + random.nextInt(8);
        how.append("flip");
        for (int f = 0; f < flips; f++) {
            int at = pick(bytes.length, random);
            int mask = 1 + random.nextInt(255);
            bytes[at] ^= (byte) mask;
            how.append(' ').append(at).append('^').append(mask);
        }
        return bytes;
    }

    private static byte[] hugeWords(byte[] bytes, Random random, StringBuilder how) {
        int words = 1 + random.nextInt(3);
        how.append("huge words");
        ByteOrder order = bytes.length > 127 && bytes[126] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        for (int w = 0; w < words && bytes.length >= 4; w++) {
            int at = pick(bytes.length - 3, random) & ~3;
            int value = random.nextInt(4) == 0 ? random.nextInt() : HUGE[random.nextInt(HUGE.length)];
            ByteBuffer.wrap(bytes).order(order).putInt(at, value);
            how.append(' ').append(at).append('=').append(Integer.toHexString(value));
        }
        return bytes;
    }

    /** Mutates the matrix inside one variable, then compresses every variable again. */
    private static byte[] mutateInsideCompressed(byte[] seed, Random random, StringBuilder how) {
        List<byte[]> elements = Mat5ReaderTest.Fixtures.elements(seed);
        int which = random.nextInt(elements.size());
        how.append("inside variable ").append(which).append(": ");
        byte[] element = elements.get(which).clone();
        // Bias towards the header part (flags, dimensions, name, struct layout) where sizes live.
        byte[] mutated;
        if (random.nextBoolean() && element.length > 96) {
            byte[] head = Arrays.copyOf(element, 96);
            byte[] changed = random.nextBoolean() ? flipBytes(head, random, how) : hugeWords(head, random, how);
            mutated = element;
            System.arraycopy(changed, 0, mutated, 0, 96);
        } else {
            mutated = random.nextBoolean() ? flipBytes(element, random, how) : hugeWords(element, random, how);
        }
        elements.set(which, mutated);
        return Mat5ReaderTest.Fixtures.assemble(seed[126] == 'I', elements, true);
    }

    private static int pick(int length, Random random) {
        return length <= 0 ? 0 : random.nextInt(length);
    }
}
