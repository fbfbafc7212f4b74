package org.switchboard.web.chart;

import java.util.List;

/**
 * A small SVG bar chart drawn on the server (no script needed, readable at 360 px): one slot per bar,
 * a bar for each non-zero value scaled to the largest, its title as a tooltip, and labels under the
 * slots that have one. The portal's calls per day and the dashboard's calls per hour.
 */
public final class BarChart {

    private static final int BAR_WIDTH = 10;
    private static final int HEIGHT = 80;

    /** One slot: the tooltip, the value, and the label under it (null for none). */
    public record Bar(String title, long value, String label) {
    }

    private BarChart() {
    }

    public static String svg(String ariaLabel, List<Bar> bars) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sb-chart\" role=\"img\" aria-label=\"")
                .append(escape(ariaLabel)).append("\" viewBox=\"0 0 ").append(bars.size() * BAR_WIDTH).append(' ').append(HEIGHT + 14)
                .append("\">");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            if (bar.value() > 0) {
                long h = Math.max(2, bar.value() * HEIGHT / max);
                svg.append("<rect x=\"").append(i * BAR_WIDTH + 1).append("\" y=\"").append(HEIGHT - h).append("\" width=\"")
                        .append(BAR_WIDTH - 2).append("\" height=\"").append(h).append("\"><title>").append(escape(bar.title()))
                        .append("</title></rect>");
            }
        }
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).label() != null) {
                svg.append("<text x=\"").append(i * BAR_WIDTH).append("\" y=\"").append(HEIGHT + 12).append("\">")
                        .append(escape(bars.get(i).label())).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
