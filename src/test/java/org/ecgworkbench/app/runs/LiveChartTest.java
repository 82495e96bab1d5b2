package org.ecgworkbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecgworkbench.app.runs.TrainingFixtures.fx;

import io.fair_acc.dataset.DataSet;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The ChartFX mirror of a line: appends new points, and starts over when points were taken away (a resumed run). */
@ExtendWith(ApplicationExtension.class)
@FxTest
class LiveChartTest {
    private LiveChart chart;
    private final PlotSeries line = new PlotSeries("batch loss");

    @Start
    void start(Stage stage) {
        chart = new LiveChart("Loss", "epoch", "loss");
        chart.show(List.of(line), List.of(new LiveChart.Style(false, "#1a5fb4", 1)));
        stage.setScene(new Scene(chart.node(), 400, 300));
        stage.sizeToScene();
        stage.show();
    }

    private double[] shownYs() throws Exception {
        return fx(() -> {
            DataSet ds = chart.node().getAllDatasets().get(0);
            double[] ys = new double[ds.getDataCount()];
            for (int i = 0; i < ys.length; i++) ys[i] = ds.get(DataSet.DIM_Y, i);
            return ys;
        });
    }

    @Test
    void appendsOnlyWhatIsNewAndStartsOverAfterATruncation() throws Exception {
        fx(() -> {
            line.add(0.5, 0.9);
            line.add(1.0, 0.8);
            chart.sync();
            return null;
        });
        assertThat(shownYs()).containsExactly(0.9, 0.8);
        fx(() -> {
            line.add(1.5, 0.7);
            chart.sync();
            chart.sync(); // nothing new: nothing changes
            return null;
        });
        assertThat(shownYs()).containsExactly(0.9, 0.8, 0.7);
        fx(() -> {
            line.truncateFrom(1.0);
            line.add(1.0, 0.75);
            line.add(1.5, 0.65);
            line.add(2.0, 0.6);
            chart.sync();
            return null;
        });
        assertThat(shownYs()).containsExactly(0.9, 0.75, 0.65, 0.6);
        assertThat(fx(() -> chart.points("batch loss"))).isEqualTo(4);
    }
}
