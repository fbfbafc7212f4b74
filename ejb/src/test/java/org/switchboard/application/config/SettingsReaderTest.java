package org.switchboard.application.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Typed reads, and the messages that tell an operator which key is wrong and what it should look like. */
class SettingsReaderTest {

    private static SettingsReader reader(Map<String, String> values) {
        return new SettingsReader(values::get);
    }

    @Test
    void readsEachTypeTrimmedAndExpandsReferences() {
        SettingsReader in = reader(Map.of("port", " 5060 ", "flag", "true", "ms", "250", "dir", "/srv/sb",
                "file", "${dir}/tls.p12", "fallback", "${absent:/tmp}/x", "list", "MD5, SHA-256", "empty", "",
                "url", "http://localhost:8180/", "re", "baresip v[01]"));
        assertEquals(5060, in.port("port"));
        assertTrue(in.bool("flag"));
        assertEquals(Duration.ofMillis(250), in.duration("ms", ChronoUnit.MILLIS, 1, 1000));
        assertEquals("/srv/sb/tls.p12", in.text("file"));
        assertEquals("/tmp/x", in.text("fallback"));
        assertEquals(List.of("MD5", "SHA-256"), in.listOf("list", List.of("MD5", "SHA-256")));
        assertEquals("", in.text("empty"));
        assertEquals(Optional.empty(), in.optionalRegex("empty"));
        assertTrue(in.optionalRegex("re").orElseThrow().matcher("baresip v1.0.0").lookingAt());
        assertEquals("http://localhost:8180", in.httpUrl("url"), "trailing slash dropped");
        assertEquals(java.util.OptionalInt.empty(), in.optionalInteger("absent", 0, 10));
        in.check(); // nothing wrong
    }

    @Test
    void eachProblemNamesTheKeyTheExpectedFormAndTheValue() {
        SettingsReader in = reader(Map.of("switchboard.sip.port", "abc", "big", "70000", "flag", "yes",
                "ms", "-5", "re", "([a-z", "list", "MD5,SHA-1", "url", "localhost:8180", "blank", " "));
        in.port("switchboard.sip.port");
        in.port("big");
        in.bool("flag");
        in.duration("ms", ChronoUnit.MILLIS, 1, 1000);
        in.optionalRegex("re");
        in.listOf("list", List.of("MD5", "SHA-256"));
        in.httpUrl("url");
        in.nonEmpty("blank");
        in.integer("switchboard.retention.batch-size", 1, Integer.MAX_VALUE);

        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, in::check);
        List<String> problems = e.problems();
        assertEquals("switchboard.sip.port: expected a port number 1-65535, got 'abc'", problems.get(0));
        assertEquals("big: expected a port number 1-65535, got '70000'", problems.get(1));
        assertEquals("flag: expected true or false, got 'yes'", problems.get(2));
        assertEquals("ms: expected a duration in millis, a whole number from 1 to 1000, got '-5'", problems.get(3));
        assertTrue(problems.get(4).startsWith("re: expected a regular expression, got '([a-z'"), problems.get(4));
        assertEquals("list: expected a comma-separated list of MD5, SHA-256, got 'MD5,SHA-1'", problems.get(5));
        assertEquals("url: expected an http:// or https:// URL, got 'localhost:8180'", problems.get(6));
        assertEquals("blank: expected a non-empty value, got ''", problems.get(7));
        assertEquals("switchboard.retention.batch-size: missing, expected a whole number of at least 1"
                + " (its default belongs in switchboard.properties)", problems.get(8));
        assertEquals(9, problems.size());
        // All of them in the one message the deployment fails with.
        problems.forEach(p -> assertTrue(e.getMessage().contains(p), e.getMessage()));
    }
}
