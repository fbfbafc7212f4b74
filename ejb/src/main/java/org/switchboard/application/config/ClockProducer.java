package org.switchboard.application.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The clock every time-dependent service reads "now" from, so that tests can replace it with an
 * {@code @Alternative} producer and put items just inside or outside a retention window.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
