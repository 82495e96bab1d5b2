package org.ecgworkbench.record.wfdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderTextTest {
    @Test
    void gainFieldShapes() {
        assertThat(HeaderText.subFields("1000.0(0)/mV", true)).containsExactly("1000.0", "mV", "0");
        assertThat(HeaderText.subFields("200(-5)/uV", true)).containsExactly("200", "uV", "-5");
        assertThat(HeaderText.subFields("1000/mV", true)).containsExactly("1000", "mV", null);
        assertThat(HeaderText.subFields("2000", true)).containsExactly("2000", null, null);
        assertThat(HeaderText.subFields("2000(12)", true)).containsExactly("2000", null, "12");
        for (String bad : new String[] {"1000)(", "1000(0", "10/20/30", "1000/mV(0)", "1(2)(3)", "1(2)x/mV"}) {
            assertThat(HeaderText.subFields(bad, true)).as(bad).isNull();
        }
    }

    @Test
    void samplingFrequencyShapes() {
        assertThat(HeaderText.subFields("360/720(12)", false)).containsExactly("360", "720", "12");
        assertThat(HeaderText.subFields("500", false)).containsExactly("500", null, null);
        assertThat(HeaderText.subFields("500(3)", false)).containsExactly("500", null, "3");
        assertThat(HeaderText.subFields("500(3)/2", false)).isNull();
    }

    @Test
    void decimals() {
        for (String ok : new String[] {"1", "-1.5", "+.5", "5.", "1e3", "2.5E-3"}) assertThat(HeaderText.isDecimal(ok)).as(ok).isTrue();
        for (String bad : new String[] {"", ".", "NaN", "Infinity", "0x10", "1d", "1e", "--1", "1.2.3", "١٢"}) {
            assertThat(HeaderText.isDecimal(bad)).as(bad).isFalse();
        }
    }

    @Test
    void linesAndFields() {
        assertThat(HeaderText.lines("a\r\nb\rc\nd")).containsExactly("a", "b", "c", "d");
        assertThat(HeaderText.fields(" a\t b  c d e ", 3)).containsExactly("a", "b", "c d e");
        assertThat(HeaderText.fields("a b", 0)).containsExactly("a", "b");
        assertThat(HeaderText.fields("   ", 0)).isEmpty();
    }
}
