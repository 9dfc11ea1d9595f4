package org.hotline.reports.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a {@link Chart} with JFreeChart onto JFreeSVG's SVG canvas. Each bar is labelled with the same text as the
 * table ("<5" included); a count under 5 gets no bar, so the picture never shows a number the table hides.
 */
final class ChartRenderer {
    static final int WIDTH = 760;
    /** Series colours, dark enough for text on white and distinct in grey print. */
    static final List<Color> COLOURS = List.of(new Color(0x1f, 0x5f, 0x99), new Color(0x2e, 0x8b, 0x57),
            new Color(0xb3, 0x5c, 0x00));
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private ChartRenderer() {
    }

    /** The chart as an {@code <svg>} element that scales to its container. */
    static String svg(Chart chart) {
        return svg(chart, ReportLanguage.ENGLISH);
    }

    /** The chart with its words (the empty chart's message) in the report's language. */
    static String svg(Chart chart, ReportLanguage language) {
        int height = chart.horizontal() ? Math.max(160, 60 + 26 * chart.categories().size() * chart.series().size())
                : 320;
        JFreeChart drawn = draw(chart, org.hotline.core.i18n.Messages.of(language.language())
                .text("report.chart.no-data"));
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
        // Several charts share one page, so each one's clip paths and gradients need their own id prefix.
        g.setDefsKeyPrefix(chart.id() + "-");
        drawn.draw(g, new Rectangle2D.Double(0, 0, WIDTH, height));
        String svg = g.getSVGElement("chart-" + chart.id(), false, new ViewBox(0, 0, WIDTH, height), null, null);
        return SvgAttributes.rewrite(svg);
    }

    private static JFreeChart draw(Chart chart, String noData) {
        JFreeChart drawn = ChartFactory.createBarChart(null, null, chart.valueLabel(), dataset(chart),
                chart.horizontal() ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL,
                chart.series().size() > 1, false, false);
        // Element hints put each bar in a group naming its series and category, which the tests read back.
        drawn.setElementHinting(true);
        drawn.setBackgroundPaint(Color.WHITE);
        drawn.setAntiAlias(true);
        if (drawn.getLegend() != null) {
            drawn.getLegend().setItemFont(FONT);
        }
        CategoryPlot plot = drawn.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xcc, 0xcc, 0xcc));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setOutlineVisible(false);
        plot.setNoDataMessage(noData);
        plot.setNoDataMessageFont(FONT);
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        values.setUpperMargin(0.15);
        values.setLabelFont(FONT);
        values.setTickLabelFont(FONT);
        CategoryAxis categories = plot.getDomainAxis();
        categories.setTickLabelFont(FONT);
        categories.setMaximumCategoryLabelLines(2);
        if (!chart.horizontal() && chart.categories().size() > 12 && longestLabel(chart) > 3) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        bars.setDrawBarOutline(false);
        for (int i = 0; i < chart.series().size(); i++) {
            bars.setSeriesPaint(i, COLOURS.get(i % COLOURS.size()));
        }
        bars.setDefaultItemLabelGenerator(labels(chart));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(LABEL_FONT);
        return drawn;
    }

    /** Counts under 5 are plotted as 0: no bar, only their "<5" label. */
    private static CategoryDataset dataset(Chart chart) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (Chart.Series series : chart.series()) {
            for (int i = 0; i < chart.categories().size(); i++) {
                long value = series.values().get(i);
                dataset.addValue(Formats.suppressed(value) ? 0 : value, series.name(), chart.categories().get(i));
            }
        }
        return dataset;
    }

    private static CategoryItemLabelGenerator labels(Chart chart) {
        return new CategoryItemLabelGenerator() {
            @Override
            public String generateRowLabel(CategoryDataset dataset, int row) {
                return chart.series().get(row).name();
            }

            @Override
            public String generateColumnLabel(CategoryDataset dataset, int column) {
                return chart.categories().get(column);
            }

            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                return Formats.count(chart.series().get(row).values().get(column));
            }
        };
    }

    private static int longestLabel(Chart chart) {
        return chart.categories().stream().mapToInt(String::length).max().orElse(0);
    }
}
