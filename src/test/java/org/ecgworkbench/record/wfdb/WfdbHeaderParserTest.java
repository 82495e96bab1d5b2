package org.ecgworkbench.record.wfdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.ecgworkbench.record.RecordFormatException;
import org.ecgworkbench.record.Sex;
import org.junit.jupiter.api.Test;

class WfdbHeaderParserTest {
    private static final Path FILE = Path.of("test.hea");

    private static WfdbHeader parse(String text) throws RecordFormatException {
        return WfdbHeaderParser.parse(FILE, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void challengeHeaderWithEveryField() throws Exception {
        WfdbHeader h = parse("""
                A5432 12 500 5000 12-May-2020 12:33:59
                A5432.mat 16+24 1000/mV 16 0 74 18 0 I
                A5432.mat 16+24 1000/mV 16 0 -2 -10 0 II
                #Age: 38
                #Sex: Female
                #Dx: 284470004
                """.replace("12 500", "2 500"));
        assertThat(h.recordName()).isEqualTo("A5432");
        assertThat(h.signalCount()).isEqualTo(2);
        assertThat(h.samplingFrequency()).isEqualTo(500);
        assertThat(h.samplesPerSignal()).isEqualTo(5000);
        assertThat(h.baseDate()).isEqualTo("12-May-2020");
        assertThat(h.baseTime()).isEqualTo("12:33:59");
        assertThat(h.dateBeforeTime()).isTrue();
        SignalSpec s = h.signals().get(0);
        assertThat(s.fileName()).isEqualTo("A5432.mat");
        assertThat(s.format()).isEqualTo(16);
        assertThat(s.byteOffset()).isEqualTo(24);
        assertThat(s.gain()).isEqualTo(1000);
        assertThat(s.gainGiven()).isTrue();
        assertThat(s.units()).isEqualTo("mV");
        assertThat(s.adcResolution()).isEqualTo(16);
        assertThat(s.adcZero()).isZero();
        assertThat(s.initialValue()).hasValue(74);
        assertThat(s.checksum()).hasValue(18);
        assertThat(s.description()).isEqualTo("I");
        HeaderComments c = h.parsedComments();
        assertThat(c.age()).hasValue(38);
        assertThat(c.sex()).contains(Sex.FEMALE);
        assertThat(c.dx()).containsExactly("284470004");
    }

    @Test
    void missingOptionalFieldsTakeTheSpecificationDefaults() throws Exception {
        WfdbHeader h = parse("rec 1\nrec.dat 212\n");
        assertThat(h.samplingFrequency()).isEqualTo(250);
        assertThat(h.counterFrequency()).isEqualTo(250);
        assertThat(h.samplesPerSignal()).isZero();
        SignalSpec s = h.signals().get(0);
        assertThat(s.gain()).isEqualTo(200);
        assertThat(s.gainGiven()).isFalse();
        assertThat(s.baseline()).isZero();
        assertThat(s.units()).isEqualTo("mV");
        assertThat(s.adcResolution()).isEqualTo(12);
        assertThat(s.initialValue()).isEmpty();
        assertThat(s.checksum()).isEmpty();
        assertThat(s.description()).isEmpty();
    }

    @Test
    void baselineDefaultsToAdcZeroAndZeroGainMeansUncalibrated() throws Exception {
        WfdbHeader h = parse("r 2 360\nr.dat 16 0 12 1024\nr.dat 16 200(-5)/uV 12 1024\n");
        assertThat(h.signals().get(0).baseline()).isEqualTo(1024);
        assertThat(h.signals().get(0).gain()).isEqualTo(200);
        assertThat(h.signals().get(0).gainGiven()).isFalse();
        assertThat(h.signals().get(1).baseline()).isEqualTo(-5);
        assertThat(h.signals().get(1).units()).isEqualTo("uV");
    }

    @Test
    void formatSuffixesAndCounterFrequency() throws Exception {
        WfdbHeader h = parse("r 1 360/720(12) 100 10:00:00 01/02/2003\nr.dat 16x2:3+512 1000.0(0)/mV 16 0 0 0 0 lead V1 long\n");
        assertThat(h.counterFrequency()).isEqualTo(720);
        assertThat(h.baseCounter()).isEqualTo(12);
        assertThat(h.baseTime()).isEqualTo("10:00:00");
        assertThat(h.baseDate()).isEqualTo("01/02/2003");
        assertThat(h.dateBeforeTime()).isFalse();
        SignalSpec s = h.signals().get(0);
        assertThat(s.samplesPerFrame()).isEqualTo(2);
        assertThat(s.skew()).isEqualTo(3);
        assertThat(s.byteOffset()).isEqualTo(512);
        assertThat(s.formatField()).isEqualTo("16x2:3+512");
        assertThat(s.description()).isEqualTo("lead V1 long");
    }

    @Test
    void toleratesCrlfBomTabsAndCommentsAnywhere() throws Exception {
        WfdbHeader h = parse("\uFEFF# leading comment\r\nrec\t1\t500\t10\r\n# between\r\nrec.dat\t16\t1000/mV\t16\t0\t0\t0\t0\tI\r\n# Age: 78\r\n");
        assertThat(h.signalCount()).isEqualTo(1);
        assertThat(h.signals().get(0).description()).isEqualTo("I");
        assertThat(h.comments()).containsExactly(" leading comment", " between", " Age: 78");
        assertThat(h.parsedComments().age()).hasValue(78);
    }

    @Test
    void recordNameWithExtensionGivesTheBareId() throws Exception {
        assertThat(parse("E00001.mat 0 500 5000\n").recordId()).isEqualTo("E00001");
    }

    @Test
    void commentVariantsOfTheChallenge() {
        HeaderComments c = HeaderComments.parse(List.of("Age: NaN", "Sex: Unknown", "Dx: "));
        assertThat(c.age()).isEmpty();
        assertThat(c.sex()).isEmpty();
        assertThat(c.hasDx()).isTrue();
        assertThat(c.dx()).isEmpty();
        HeaderComments d = HeaderComments.parse(List.of("age: 81", "sex: M", "Dx: 164889003, 59118001 ,"));
        assertThat(d.age()).hasValue(81);
        assertThat(d.sex()).contains(Sex.MALE);
        assertThat(d.dx()).containsExactly("164889003", "59118001");
        HeaderComments none = HeaderComments.parse(List.of("Rx: Unknown"));
        assertThat(none.hasDx()).isFalse();
        assertThat(HeaderComments.parse(List.of("Sex: f")).sex()).contains(Sex.FEMALE);
        assertThat(HeaderComments.parse(List.of("Age: Unknown")).age()).isEmpty();
    }

    @Test
    void errorsNameTheFileLineAndField() {
        assertThatThrownBy(() -> parse("r 2 500\nr.dat 16 abc/mV\n"))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("test.hea").hasMessageContaining("line 2").hasMessageContaining("gain");
        assertThatThrownBy(() -> parse("r 3 500\nr.dat 16\n"))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("declares 3 signals but has 1");
        assertThatThrownBy(() -> parse("r x 500\n")).hasMessageContaining("number of signals");
        assertThatThrownBy(() -> parse("r 1 -5\nr.dat 16\n")).hasMessageContaining("sampling frequency");
        assertThatThrownBy(() -> parse("r 1 NaN\nr.dat 16\n")).hasMessageContaining("sampling frequency");
        assertThatThrownBy(() -> parse("r 1 500\nr.dat 1e3\n")).hasMessageContaining("format");
        assertThatThrownBy(() -> parse("")).hasMessageContaining("no record line");
        assertThatThrownBy(() -> parse("r 99999999999\n")).hasMessageContaining("number of signals");
        assertThatThrownBy(() -> parse("r 1 500 99999999999999999999\n")).hasMessageContaining("number of samples");
        assertThatThrownBy(() -> WfdbHeaderParser.parse(FILE, new byte[] {0, 1, 2})).hasMessageContaining("not a text header");
    }
}
