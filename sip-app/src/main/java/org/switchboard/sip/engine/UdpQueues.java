package org.switchboard.sip.engine;

import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sip.ListeningPoint;

/**
 * How long datagrams wait for the stack's threads. JAIN-SIP RI's UDP processor reads every datagram
 * on one thread and queues it, stamped, for its pool of threads to parse; under load that queue,
 * not the SIP executor's, is where messages wait (bench/README.md, "Grace": seconds, with the
 * executor's queue empty), and the stack says nothing of it but dropping what waited longer than
 * {@code CONGESTION_CONTROL_TIMEOUT}. The queue is a protected field with no getter, read here by
 * reflection once per listening point. (A subclass of the processor, made through the stack's
 * {@code MESSAGE_PROCESSOR_FACTORY}, lost responses to client transactions at 200 calls/s.)
 */
final class UdpQueues {

    private static final Logger LOG = Logger.getLogger(UdpQueues.class.getName());

    private final List<Queue<DatagramQueuedMessageDispatch>> queues = new CopyOnWriteArrayList<>();

    /** Watches the queue of this listening point if it is UDP; without it the gate goes by the executor alone. */
    @SuppressWarnings("unchecked")
    void watch(ListeningPoint point) {
        if (!(point instanceof ListeningPointImpl impl) || !(impl.getMessageProcessor() instanceof UDPMessageProcessor udp)) {
            return;
        }
        try {
            Field field = UDPMessageProcessor.class.getDeclaredField("messageQueue");
            field.setAccessible(true);
            Object queue = field.get(udp);
            if (queue instanceof Queue<?> q) {
                queues.add((Queue<DatagramQueuedMessageDispatch>) q);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning(() -> "the UDP queue of " + point.getIPAddress() + " can't be watched (" + e
                    + "): overload is judged by the SIP executor's queue alone");
        }
    }

    void clear() {
        queues.clear();
    }

    /** How long, in ms, the oldest datagram waiting to be parsed has waited, over every UDP port; 0 if none. */
    long longestWaitMillis() {
        long now = System.currentTimeMillis(); // the stack stamps datagrams with this clock
        long longest = 0;
        for (Queue<DatagramQueuedMessageDispatch> queue : queues) {
            DatagramQueuedMessageDispatch head = queue.peek();
            if (head != null) {
                longest = Math.max(longest, now - head.getReceptionTime());
            }
        }
        return longest;
    }
}
