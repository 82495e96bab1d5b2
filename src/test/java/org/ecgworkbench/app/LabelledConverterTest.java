package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ecgworkbench.app.preview.PreviewViewModel;
import org.ecgworkbench.app.viewer.EcgLayout;
import org.ecgworkbench.app.viewer.PaperGain;
import org.ecgworkbench.app.viewer.PaperSpeed;
import org.junit.jupiter.api.Test;

class LabelledConverterTest {

    @Test
    void anEnumIsShownByItsLabelAndReadBackFromIt() {
        LabelledConverter<PaperSpeed> speeds = LabelledConverter.of(PaperSpeed.class);
        assertThat(speeds.choices()).containsExactly(PaperSpeed.values());
        assertThat(speeds.toString(PaperSpeed.SLOW)).isEqualTo("12.5 mm/s");
        assertThat(speeds.toString(PaperSpeed.STANDARD)).isEqualTo("25 mm/s");
        assertThat(speeds.fromString("50 mm/s")).isEqualTo(PaperSpeed.FAST);
        assertThat(speeds.fromString("FAST")).isNull();
        assertThat(speeds.toString(null)).isEmpty();
        assertThat(LabelledConverter.of(PaperGain.class).toString(PaperGain.STANDARD)).isEqualTo("10 mm/mV");
        assertThat(LabelledConverter.of(EcgLayout.class).toString(EcgLayout.THREE_BY_FOUR)).isEqualTo("3 × 4 + II");
        assertThat(LabelledConverter.of(PreviewViewModel.Notch.class).fromString("50 Hz")).isEqualTo(PreviewViewModel.Notch.HZ_50);
    }

    @Test
    void choicesThatChangeAreReadBackFromTheListAsItIsNow() {
        ObservableList<PreviewViewModel.Compare> choices = FXCollections.observableArrayList(PreviewViewModel.Compare.NONE);
        LabelledConverter<PreviewViewModel.Compare> compare = LabelledConverter.of(choices);
        assertThat(compare.fromString("FFT − polyphase")).isNull();
        choices.add(PreviewViewModel.Compare.METHODS);
        assertThat(compare.fromString("FFT − polyphase")).isEqualTo(PreviewViewModel.Compare.METHODS);
        assertThat(compare.toString(PreviewViewModel.Compare.NONE)).isEqualTo("nothing");
    }

    @Test
    void otherChoicesAreShownByTheLabelGiven() {
        LabelledConverter<Double> rates = LabelledConverter.of(List.of(250.0, 500.0), hz -> Math.round(hz) + " Hz");
        assertThat(rates.toString(500.0)).isEqualTo("500 Hz");
        assertThat(rates.fromString("250 Hz")).isEqualTo(250.0);
    }
}
