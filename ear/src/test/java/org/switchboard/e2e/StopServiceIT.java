package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Last of the end-to-end classes: Ctrl-C on the run command leaves nothing running. */
@Order(Integer.MAX_VALUE)
@ExtendWith(RunningService.class)
class StopServiceIT {

    @Test
    void ctrlCStopsEveryProcessItStarted() throws Exception {
        RunCommand service = RunningService.command();
        service.stop(Duration.ofSeconds(90));
        assertFalse(service.isAlive());
        assertFalse(RunCommand.listening(service.httpPort), "WildFly still listening");
        assertFalse(RunCommand.listening(service.httpPort - 8080 + 9990), "WildFly management still listening");
        assertFalse(RunCommand.listening(service.keycloakPort), "Keycloak still listening");
    }
}
