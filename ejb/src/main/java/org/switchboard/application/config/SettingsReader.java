package org.switchboard.application.config;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads settings from a source of text values (the system properties WildFly loads from
 * switchboard.properties), typed, with no defaults: every key must be there. A missing or malformed
 * value is not thrown at once but noted, with the key and the form expected, so that one
 * {@link #check()} at deployment names every problem together:
 * {@code switchboard.sip.port: expected a port number 1-65535, got 'abc'}.
 *
 * <p>Each getter returns a harmless placeholder (0, empty) for a value it rejected; the owner calls
 * {@link #check()} before using any of them. Reusable by any module's settings type.
 */
public final class SettingsReader {

    private static final int MAX_REFERENCE_DEPTH = 10;

    private final Function<String, String> source;
    private final List<String> problems = new ArrayList<>();

    public SettingsReader(Function<String, String> source) {
        this.source = source;
    }

    /** A reader on the JVM's system properties. */
    public static SettingsReader systemProperties() {
        return new SettingsReader(System::getProperty);
    }

    public static SettingsReader of(Properties properties) {
        return new SettingsReader(properties::getProperty);
    }

    /** The value, trimmed and with ${other.key} references expanded; may be empty. */
    public String text(String key) {
        String value = raw(key, "a value (it may be empty)");
        return value == null ? "" : value;
    }

    /** A value that must not be empty. */
    public String nonEmpty(String key) {
        String value = raw(key, "a non-empty value");
        if (value != null && value.isEmpty()) {
            problem(key, "expected a non-empty value, got ''");
        }
        return value == null ? "" : value;
    }

    /** {@code true} or {@code false}, nothing else. */
    public boolean bool(String key) {
        String value = raw(key, "true or false");
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            problem(key, "expected true or false, got '" + value + "'");
        }
        return value.equals("true");
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    public int integer(String key, int min, int max) {
        return (int) number(key, min, max, "a whole number " + range(min, max));
    }

    /** A key that may be absent (a WildFly property, not ours): empty then, else a whole number in range. */
    public java.util.OptionalInt optionalInteger(String key, int min, int max) {
        if (source.apply(key) == null) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(integer(key, min, max));
    }

    public int port(String key) {
        return (int) number(key, 1, 65_535, "a port number 1-65535");
    }

    /** A length of time written as a whole number of {@code unit}s (the key says which: -ms, -seconds, -hours). */
    public Duration duration(String key, java.time.temporal.ChronoUnit unit, long min, long max) {
        String unitName = unit.name().toLowerCase(java.util.Locale.ROOT);
        long amount = number(key, min, max, "a duration in " + unitName + ", a whole number " + range(min, max));
        return Duration.of(amount, unit);
    }

    /** A regular expression, or empty for none. */
    public Optional<Pattern> optionalRegex(String key) {
        String value = raw(key, "a regular expression, or empty for none");
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(value));
        } catch (PatternSyntaxException e) {
            problem(key, "expected a regular expression, got '" + value + "' (" + e.getDescription() + ")");
            return Optional.empty();
        }
    }

    /** A comma-separated list of values out of {@code allowed}, at least one. */
    public List<String> listOf(String key, List<String> allowed) {
        String expected = "a comma-separated list of " + String.join(", ", allowed);
        String value = raw(key, expected);
        if (value == null) {
            return List.of();
        }
        List<String> items = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (items.isEmpty() || !allowed.containsAll(items)) {
            problem(key, "expected " + expected + ", got '" + value + "'");
        }
        return items;
    }

    public Path path(String key) {
        String value = nonEmpty(key);
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            problem(key, "expected a file path, got '" + value + "'");
            return Path.of("");
        }
    }

    /** An absolute http or https URL; a trailing slash is dropped. */
    public String httpUrl(String key) {
        String value = raw(key, "an http:// or https:// URL");
        if (value == null) {
            return "";
        }
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                problem(key, "expected an http:// or https:// URL, got '" + value + "'");
            }
        } catch (java.net.URISyntaxException e) {
            problem(key, "expected an http:// or https:// URL, got '" + value + "'");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /** Notes a problem that involves more than one key (e.g. a minimum above its maximum). */
    public void problem(String key, String message) {
        problems.add(key + ": " + message);
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Throws, naming every problem noted so far, if there is any. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    private long number(String key, long min, long max, String expected) {
        String value = raw(key, expected);
        if (value == null) {
            return 0;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // noted below
        }
        problem(key, "expected " + expected + ", got '" + value + "'");
        return 0;
    }

    private static String range(long min, long max) {
        if (max == Integer.MAX_VALUE || max == Long.MAX_VALUE) {
            return "of at least " + min;
        }
        return "from " + min + " to " + max;
    }

    /** The trimmed, expanded value; null (and a problem noted) when the key is missing. */
    private String raw(String key, String expected) {
        String value = source.apply(key);
        if (value == null) {
            problem(key, "missing, expected " + expected + " (its default belongs in switchboard.properties)");
            return null;
        }
        return expand(value.trim(), 0);
    }

    /**
     * Expands ${other.key} and ${other.key:fallback} references: WildFly resolves them in its own
     * configuration, but system properties loaded with -P keep them as text (e.g. the TLS keystore
     * under the data dir).
     */
    String expand(String value, int depth) {
        int start = value.indexOf("${");
        if (start < 0 || depth > MAX_REFERENCE_DEPTH) {
            return value;
        }
        int end = value.indexOf('}', start);
        if (end < 0) {
            return value;
        }
        String inner = value.substring(start + 2, end);
        String fallback = null;
        int colon = inner.indexOf(':');
        if (colon >= 0) {
            fallback = inner.substring(colon + 1);
            inner = inner.substring(0, colon);
        }
        String replacement = source.apply(inner);
        if (replacement == null) {
            replacement = fallback;
        }
        if (replacement == null) {
            return value;
        }
        return expand(value.substring(0, start) + replacement + value.substring(end + 1), depth + 1);
    }
}
