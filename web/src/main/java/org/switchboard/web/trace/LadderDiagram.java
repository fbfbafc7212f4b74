package org.switchboard.web.trace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.switchboard.application.trace.TraceLine;

/**
 * A call's trace as an SVG ladder diagram: a column per hop (the subscriber's phone, the proxy, the
 * other side), an arrow per message in time order, coloured by kind (CSS classes request,
 * provisional, success, failure), labelled with the message and its time offset. Each arrow links
 * to the message's raw text on the page ({@code #msg-<id>}). All text is XML-escaped.
 */
public final class LadderDiagram {

    private static final int COLUMN = 230;
    private static final int MARGIN = 120;
    private static final int HEADER = 56;
    private static final int ROW = 34;

    private LadderDiagram() {
    }

    public static String svg(List<TraceLine> lines) {
        List<String> columns = columns(lines);
        int width = MARGIN * 2 + COLUMN * (columns.size() - 1);
        int height = HEADER + ROW * (lines.size() + 1);
        StringBuilder svg = new StringBuilder();
        // A group, not an image: each arrow is a link to its message, and an image may hold no controls (ARIA).
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sb-ladder\" role=\"group\" aria-label=\"Ladder diagram of ")
                .append(lines.size()).append(" SIP messages\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height).append("\">");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
                + " orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"context-stroke\"/></marker></defs>");
        for (int i = 0; i < columns.size(); i++) {
            int x = x(i);
            svg.append("<text class=\"hop\" x=\"").append(x).append("\" y=\"20\" text-anchor=\"middle\">")
                    .append(escape(i == proxyColumn(columns) ? "Switchboard proxy" : role(i, columns))).append("</text>");
            svg.append("<text class=\"hop-address\" x=\"").append(x).append("\" y=\"38\" text-anchor=\"middle\">")
                    .append(escape(columns.get(i))).append("</text>");
            svg.append("<line class=\"lifeline\" x1=\"").append(x).append("\" y1=\"").append(HEADER - 8).append("\" x2=\"")
                    .append(x).append("\" y2=\"").append(height - 4).append("\"/>");
        }
        for (int i = 0; i < lines.size(); i++) {
            TraceLine line = lines.get(i);
            int y = HEADER + ROW * (i + 1);
            int from = x(columns.indexOf(hop(line.source(), lines)));
            int to = x(columns.indexOf(hop(line.destination(), lines)));
            int labelX = (from + to) / 2;
            svg.append("<a href=\"#msg-").append(line.id()).append("\" class=\"message ").append(line.kind())
                    .append("\" data-message-id=\"").append(line.id()).append("\">")
                    .append("<title>").append(escape(line.direction() + " " + line.transport() + " " + line.source()
                            + " → " + line.destination())).append("</title>")
                    .append("<line x1=\"").append(from).append("\" y1=\"").append(y).append("\" x2=\"").append(to)
                    .append("\" y2=\"").append(y).append("\" marker-end=\"url(#arrow)\"/>")
                    .append("<text x=\"").append(labelX).append("\" y=\"").append(y - 6).append("\" text-anchor=\"middle\">")
                    .append(escape(line.label())).append("</text></a>")
                    .append("<text class=\"offset\" x=\"8\" y=\"").append(y + 4).append("\">+")
                    .append(TraceText.offset(lines, line)).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * The hops: the proxy's addresses (where IN messages arrive, where OUT messages leave) are one
     * column; the first sender (the phone that started the call) comes first, then the proxy, then
     * every other address in order of appearance.
     */
    static List<String> columns(List<TraceLine> lines) {
        Set<String> others = new LinkedHashSet<>();
        for (TraceLine line : lines) {
            others.add(hop(line.source(), lines));
            others.add(hop(line.destination(), lines));
        }
        others.remove(proxyLabel(lines));
        List<String> columns = new ArrayList<>();
        String first = hop(lines.get(0).source(), lines);
        if (!first.equals(proxyLabel(lines))) {
            columns.add(first);
            others.remove(first);
        }
        columns.add(proxyLabel(lines));
        columns.addAll(others);
        return columns;
    }

    private static int proxyColumn(List<String> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).startsWith("proxy ")) {
                return i;
            }
        }
        return -1;
    }

    private static String role(int index, List<String> columns) {
        return index < proxyColumn(columns) ? "Caller" : "Callee";
    }

    private static Set<String> proxyAddresses(List<TraceLine> lines) {
        Set<String> proxy = new LinkedHashSet<>();
        for (TraceLine line : lines) {
            proxy.add("IN".equals(line.direction()) ? line.destination() : line.source());
        }
        return proxy;
    }

    private static String proxyLabel(List<TraceLine> lines) {
        return "proxy " + String.join(", ", proxyAddresses(lines));
    }

    private static String hop(String address, List<TraceLine> lines) {
        return proxyAddresses(lines).contains(address) ? proxyLabel(lines) : address;
    }

    private static int x(int column) {
        return MARGIN + COLUMN * column;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
