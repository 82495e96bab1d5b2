package org.ecgworkbench.measure.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WfdbAnnotationReaderTest {

    private static final Path FILE = Path.of("x.atr");

    /** Little-endian word with code in the top 6 bits. */
    private static void word(ByteArrayOutputStream out, int code, int value) {
        int w = code << 10 | value;
        out.write(w & 0xff);
        out.write(w >>> 8);
    }

    @Test
    void readsTimesCodesAndModifiers() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        word(b, 39, 641);          // ( at 641
        word(b, 1, 23);            // N at 664
        word(b, 62, 3);            // CHN 3 (persists)
        word(b, 61, 7);            // SUB 7 (this one only)
        word(b, 40, 26);           // ) at 690
        word(b, 59, 0);            // SKIP 70000 = 0x00011170: high word 0x0001, low 0x1170
        b.write(0x01); b.write(0x00); b.write(0x70); b.write(0x11);
        word(b, 24, 10);           // p at 690 + 70000 + 10
        word(b, 63, 3);            // AUX "abc" padded to 4 bytes
        b.write('a'); b.write('b'); b.write('c'); b.write(0);
        word(b, 60, 5);            // NUM 5
        word(b, 27, 1);
        word(b, 0, 0);
        List<WfdbAnnotation> a = WfdbAnnotationReader.parse(FILE, b.toByteArray());
        assertThat(a).extracting(WfdbAnnotation::symbol).containsExactly("(", "N", ")", "p", "t");
        assertThat(a).extracting(WfdbAnnotation::sample).containsExactly(641L, 664L, 690L, 70_700L, 70_701L);
        assertThat(a.get(1).channel()).isEqualTo(3);
        assertThat(a.get(1).subtype()).isEqualTo(7);
        assertThat(a.get(2).channel()).isEqualTo(3);
        assertThat(a.get(2).subtype()).isZero();
        assertThat(a.get(3).aux()).isEqualTo("abc");
        assertThat(a.get(3).num()).isEqualTo(5);
        assertThat(a.get(4).num()).isEqualTo(5);
        assertThat(a.get(4).aux()).isEmpty();
    }

    @Test
    void emptyAndUnterminatedFilesRead() throws Exception {
        assertThat(WfdbAnnotationReader.parse(FILE, new byte[0])).isEmpty();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        word(b, 1, 5);
        assertThat(WfdbAnnotationReader.parse(FILE, b.toByteArray())).hasSize(1);
    }

    @Test
    void malformedInputNamesFileAndOffset() {
        ByteArrayOutputStream odd = new ByteArrayOutputStream();
        word(odd, 1, 5);
        odd.write(1);
        assertThatThrownBy(() -> WfdbAnnotationReader.parse(FILE, odd.toByteArray()))
                .isInstanceOf(AnnotationFormatException.class).hasMessage("x.atr: byte 2: odd trailing byte: the file is truncated");

        ByteArrayOutputStream aux = new ByteArrayOutputStream();
        word(aux, 1, 5);
        word(aux, 63, 200);
        assertThatThrownBy(() -> WfdbAnnotationReader.parse(FILE, aux.toByteArray()))
                .isInstanceOf(AnnotationFormatException.class).hasMessageContaining("byte 2: AUX of 200 bytes");

        ByteArrayOutputStream skip = new ByteArrayOutputStream();
        word(skip, 59, 0);
        skip.write(0);
        assertThatThrownBy(() -> WfdbAnnotationReader.parse(FILE, skip.toByteArray()))
                .hasMessageContaining("byte 0: SKIP without");

        ByteArrayOutputStream negative = new ByteArrayOutputStream();
        word(negative, 59, 0);
        negative.write(0x00); negative.write(0x80); negative.write(0); negative.write(0);
        assertThatThrownBy(() -> WfdbAnnotationReader.parse(FILE, negative.toByteArray()))
                .hasMessageContaining("negative");

        ByteArrayOutputStream orphan = new ByteArrayOutputStream();
        word(orphan, 62, 1);
        assertThatThrownBy(() -> WfdbAnnotationReader.parse(FILE, orphan.toByteArray()))
                .hasMessageContaining("byte 0: CHN before any annotation");
    }

    @Test
    void tooLargeFileIsRefusedBeforeReading(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.atr");
        try (SeekableByteChannel ch = Files.newByteChannel(big, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            ch.position(WfdbAnnotationReader.MAX_FILE_BYTES + 1);
            ch.write(ByteBuffer.wrap(new byte[] {0}));
        }
        assertThatThrownBy(() -> WfdbAnnotationReader.read(big))
                .isInstanceOf(AnnotationFormatException.class).hasMessageContaining("exceeds the limit");
    }

    @Test
    void readsLudbLeadAnnotations() throws IOException {
        Path ludb = Path.of(System.getProperty("ecg.shared.data", "../shared/data"), "ludb");
        assumeTrue(Files.isRegularFile(ludb.resolve("1.i")), "LUDB not present: " + ludb);
        List<WfdbAnnotation> a = WfdbAnnotationReader.read(ludb.resolve("1.i"));
        assertThat(a.get(0).symbol()).isEqualTo("(");
        assertThat(a.get(0).sample()).isEqualTo(641);
        assertThat(a).extracting(WfdbAnnotation::symbol).containsOnly("(", ")", "p", "N", "t");
        assertThat(a).isSortedAccordingTo((x, y) -> Long.compare(x.sample(), y.sample()));
        List<AnnotatedWave> waves = AnnotatedWave.fromAnnotations(a);
        assertThat(waves).allMatch(w -> w.hasOnset() && w.hasOffset() && w.onset() < w.peak() && w.peak() < w.offset());
    }
}
