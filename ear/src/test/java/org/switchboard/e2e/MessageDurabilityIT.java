package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A MESSAGE that got 202 is never lost, not even by {@code kill -9} of the server: during a burst
 * of MESSAGEs to an offline phone WildFly is killed with SIGKILL, the service is started again on
 * the same data, the phone registers, and every message that got 202 reaches it. Runs after the
 * classes without an order (it restarts the shared service) and before DataPolicyIT.
 */
@Order(Integer.MAX_VALUE - 3)
@ExtendWith(RunningService.class)
class MessageDurabilityIT {

    @Test
    void everyAcceptedMessageIsDeliveredAfterKillDashNine() throws Exception {
        MessagePhone bob = MessagePhone.newSubscriber("durable");
        Set<Integer> accepted = new ConcurrentSkipListSet<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread burst = new Thread(() -> {
            try (DatagramSocket socket = RawSip.udpSocket()) {
                for (int i = 1; !stop.get() && i < 100_000; i++) {
                    String reply = MessagePhone.send(socket, bob.user, "burst " + i);
                    if (RawSip.status(reply) == 202) {
                        accepted.add(i);
                    }
                }
            } catch (Exception e) {
                // the server went away mid-burst: what got 202 is counted
            }
        }, "message-burst");
        burst.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (accepted.size() < 50 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(accepted.size() >= 50, "the burst was accepted: " + accepted.size());
        RunningService.crash(); // SIGKILL while the burst goes on
        stop.set(true);
        burst.join(30_000);
        Set<Integer> acceptedBeforeTheCrash = new TreeSet<>(accepted);
        RunningService.restart();

        try (MessagePhone phone = bob) {
            assertEquals(200, phone.register(600));
            long until = System.currentTimeMillis() + 120_000;
            Set<Integer> delivered = new TreeSet<>();
            while (!delivered.containsAll(acceptedBeforeTheCrash) && System.currentTimeMillis() < until) {
                Thread.sleep(500);
                delivered.clear();
                for (MessagePhone.Received m : phone.received()) {
                    delivered.add(Integer.parseInt(m.body().substring("burst ".length())));
                }
            }
            Set<Integer> lost = new TreeSet<>(acceptedBeforeTheCrash);
            lost.removeAll(delivered);
            System.out.println("[durability] " + acceptedBeforeTheCrash.size() + " accepted before kill -9, "
                    + delivered.size() + " delivered after the restart, lost: " + lost);
            assertEquals(Set.of(), lost, "accepted (202) but never delivered");
            List<Integer> order = phone.received().stream().map(m -> Integer.parseInt(m.body().substring(6))).toList();
            assertEquals(order.stream().sorted().toList(), order, "delivered in the order received");
            assertEquals(order.stream().distinct().count(), order.size(), "none delivered twice");
            assertEquals(0, phone.awaitStored(0, 10_000));
        }
    }
}
