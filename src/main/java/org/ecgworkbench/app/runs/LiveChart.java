package org.ecgworkbench.app.runs;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.utils.DataSetStyleBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * A ChartFX chart that mirrors {@link PlotSeries} lines. Its two renderers (plain lines, and lines
 * with point markers for per-epoch values) are configured once; {@link #sync()}, called once per
 * frame, appends only the points added since the last frame, so a burst of batch events costs one
 * redraw.
 */
final class LiveChart {

    /** How a line is drawn: with point markers (per-epoch values) or without (per-batch values), its colour and width. */
    record Style(boolean markers, String color, double width) {
        String css() {
            return DataSetStyleBuilder.newInstance().setStroke(color).setFill(color).setLineColor(color).setMarkerColor(color)
                    .setStrokeWidth(width).setLineWidth(width).setMarkerSize(markers ? 4 : 0).build();
        }
    }

    private static final class Mirror {
        final PlotSeries source;
        final DoubleDataSet target;
        long version = -1;
        long rewrites;
        int copied;

        Mirror(PlotSeries source, DoubleDataSet target) {
            this.source = source;
            this.target = target;
        }
    }

    /** Fraction of the data's range added on each side of an axis. */
    static final double AUTO_RANGE_PADDING = 0.04;

    private final XYChart chart;
    private final ErrorDataSetRenderer lines = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer points = new ErrorDataSetRenderer();
    private final List<Mirror> mirrors = new ArrayList<>();

    LiveChart(String title, String xLabel, String yLabel) {
        DefaultNumericAxis x = new DefaultNumericAxis(xLabel);
        DefaultNumericAxis y = new DefaultNumericAxis(yLabel);
        // Epochs and losses have no unit: without this the labels read "epoch []".
        x.setUnit(null);
        y.setUnit(null);
        x.setAutoRangeRounding(false);
        // Epoch axes start at 0, so one validated epoch is a point at 1, not a degenerate range.
        x.setForceZeroInRange(true);
        y.setForceZeroInRange(false);
        // A little room past the data on both axes, so the markers of the first and last epoch are drawn whole.
        x.setAutoRangePadding(AUTO_RANGE_PADDING);
        y.setAutoRangePadding(AUTO_RANGE_PADDING);
        chart = new XYChart(x, y);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.getStyleClass().add("live-chart");
        for (ErrorDataSetRenderer r : List.of(lines, points)) {
            r.setErrorStyle(ErrorStyle.NONE);
            r.setDrawBars(false);
        }
        lines.setDrawMarker(false);
        points.setDrawMarker(true);
        chart.getRenderers().setAll(lines, points);
    }

    XYChart node() {
        return chart;
    }

    /** Shows these lines instead of the current ones. */
    void show(List<PlotSeries> series, List<Style> styles) {
        lines.getDatasets().clear();
        points.getDatasets().clear();
        mirrors.clear();
        for (int i = 0; i < series.size(); i++) {
            PlotSeries s = series.get(i);
            DoubleDataSet target = new DoubleDataSet(s.name(), Math.max(16, s.size()));
            Style style = styles.get(i);
            if (style.color() != null) target.setStyle(style.css());
            (style.markers() ? points : lines).getDatasets().add(target);
            mirrors.add(new Mirror(s, target));
        }
        sync();
    }

    /** Copies what the lines gained since the last call; cheap when nothing changed. */
    void sync() {
        for (Mirror m : mirrors) {
            long version = m.source.version();
            if (version == m.version) continue;
            int size = m.source.size();
            if (m.version == -1 || m.source.rewrites() != m.rewrites) {
                m.target.set(m.source.xs(), m.source.ys(), size, true);
                m.rewrites = m.source.rewrites();
            } else if (size > m.copied) {
                int n = size - m.copied;
                double[] xs = new double[n];
                double[] ys = new double[n];
                for (int i = 0; i < n; i++) {
                    xs[i] = m.source.x(m.copied + i);
                    ys[i] = m.source.y(m.copied + i);
                }
                m.target.add(xs, ys);
            }
            m.copied = size;
            m.version = version;
        }
    }

    /** Points the chart holds for the line of that name (for tests), or -1. */
    int points(String name) {
        for (Mirror m : mirrors) {
            if (m.target.getName().equals(name)) return m.target.getDataCount();
        }
        return -1;
    }
}
