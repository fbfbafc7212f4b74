package org.switchboard.web.api;

/** One CSV field (RFC 4180), safe to open in a spreadsheet. */
final class Csv {

    private Csv() {
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // A leading = + - @ would be a formula to a spreadsheet (CSV injection): quote and prefix it.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || text.startsWith("'")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
