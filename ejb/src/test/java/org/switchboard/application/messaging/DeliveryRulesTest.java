package org.switchboard.application.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.switchboard.application.config.InvalidSettingsException;
import org.switchboard.application.config.SettingsReader;

/** The rules of delivery without a server: what an answer means, the back-off, the settings' checks. */
class DeliveryRulesTest {

    @Test
    void twoHundredsDeliverAwayAnswersRetryEverythingElseIsARefusal() {
        assertEquals(DeliveryOutcome.DELIVERED, DeliveryOutcome.of(200));
        assertEquals(DeliveryOutcome.DELIVERED, DeliveryOutcome.of(202));
        for (int away : new int[] {0, 408, 480, 503}) {
            assertEquals(DeliveryOutcome.RETRY, DeliveryOutcome.of(away), "status " + away);
        }
        for (int refused : new int[] {400, 403, 404, 415, 486, 488, 500, 603}) {
            assertEquals(DeliveryOutcome.REFUSED, DeliveryOutcome.of(refused), "status " + refused);
        }
        assertTrue(DeliveryOutcome.isAway(480));
        assertFalse(DeliveryOutcome.isAway(486));
    }

    @Test
    void backOffDoublesFromTheFirstDelayUpToTheMaximum() {
        DeliveryBackoff backoff = new DeliveryBackoff(Duration.ofSeconds(30), Duration.ofMinutes(10));
        assertEquals(Duration.ofSeconds(30), backoff.after(1));
        assertEquals(Duration.ofSeconds(60), backoff.after(2));
        assertEquals(Duration.ofSeconds(120), backoff.after(3));
        assertEquals(Duration.ofSeconds(480), backoff.after(5));
        assertEquals(Duration.ofMinutes(10), backoff.after(6));
        assertEquals(Duration.ofMinutes(10), backoff.after(1_000)); // no overflow
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(now.plusSeconds(60), backoff.nextAttempt(now, 2));
    }

    /** The defaults as WildFly loads them (-P), from this repository's settings file. */
    private static Properties defaults() throws java.io.IOException {
        Properties p = new Properties();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(
                java.nio.file.Path.of("../wildfly-config/src/main/config/switchboard.properties"))) {
            p.load(in);
        }
        return p;
    }

    @Test
    void theSettingsFileHoldsEveryKeyAndABadValueNamesItsKey() throws Exception {
        MessagingSettings settings = MessagingSettings.from(SettingsReader.of(defaults()));
        assertEquals(1300, settings.maxBodyBytes());
        assertEquals(500, settings.maxStoredPerRecipient());
        assertEquals(Duration.ofSeconds(30), settings.backoff().first());
        assertEquals(Duration.ofSeconds(3600), settings.backoff().max());
        assertEquals(Duration.ofSeconds(60), settings.deliveryInterval());
        assertTrue(settings.answerTimeout().toSeconds() < 32, "under Timer F");

        Properties bad = defaults();
        bad.setProperty("switchboard.messaging.max-body-bytes", "100000");
        bad.setProperty("switchboard.messaging.retry-max-seconds", "10");
        bad.remove("switchboard.messaging.delivery-interval-seconds");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> MessagingSettings.from(SettingsReader.of(bad)));
        assertTrue(e.getMessage().contains("switchboard.messaging.max-body-bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("switchboard.messaging.retry-max-seconds"), e.getMessage());
        assertTrue(e.getMessage().contains("switchboard.messaging.delivery-interval-seconds"), e.getMessage());
    }
}
