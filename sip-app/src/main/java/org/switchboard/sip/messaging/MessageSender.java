package org.switchboard.sip.messaging;

import gov.nist.javax.sip.Utils;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.address.Hop;
import javax.sip.address.URI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.DateHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.switchboard.application.messaging.MessagingSettings;
import org.switchboard.application.messaging.QueuedMessage;
import org.switchboard.sip.engine.SipEngine;
import org.switchboard.sip.engine.SipTimers;
import org.switchboard.sip.event.SipEvents;
import org.switchboard.sip.event.SipMessageEvent;
import org.switchboard.sip.location.Binding;
import org.switchboard.sip.proxy.NatTraversal;
import org.switchboard.sip.servlet.SipFactories;
import org.switchboard.sip.servlet.SipMethods;
import org.switchboard.sip.servlet.SipResponseHandler;
import org.switchboard.sip.stack.NextHopRouter;

/**
 * Sends a stored message to every contact of its recipient at once, as it came in (From, To,
 * Content-Type and body unchanged) with a {@code Date} header of when it was received (RFC 3261
 * section 20.17), in a new request of our own (new Call-ID, our Via). Completes with one status
 * ({@link DeliveryAnswers}): the first 2xx, else the settling answer once all have answered,
 * else 0 when {@code switchboard.messaging.answer-timeout-seconds} is up. The responses come
 * back through the client transactions' application data (the engine's response handler hands
 * them over). Each request is reported to the observers like every request we send.
 */
@ApplicationScoped
public class MessageSender {

    private static final Logger LOG = Logger.getLogger(MessageSender.class.getName());

    @EJB
    SipEngine engine;

    @Inject
    SipEvents events;

    @Inject
    MessagingSettings settings;

    @Inject
    SipTimers timers;

    /** The status that settles this delivery; never completes exceptionally. */
    public CompletableFuture<Integer> send(QueuedMessage message, List<Binding> contacts) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        DeliveryAnswers answers = new DeliveryAnswers(contacts.size());
        IntConsumer settle = status -> {
            int settled = answers.answer(status);
            if (settled != DeliveryAnswers.UNDECIDED) {
                done.complete(settled);
            }
        };
        SipResponseHandler handler = new SipResponseHandler() {
            @Override
            public void handleResponse(ResponseEvent event) {
                int status = event.getResponse().getStatusCode();
                if (status >= 200) {
                    settle.accept(status);
                }
            }

            @Override
            public void handleTimeout(TimeoutEvent event) {
                settle.accept(0);
            }
        };
        ScheduledFuture<?> timer = timers.schedule(() -> {
            int settled = answers.timeUp();
            if (settled != DeliveryAnswers.UNDECIDED) {
                done.complete(settled);
            }
        }, settings.answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        done.whenComplete((status, error) -> timer.cancel(false));
        for (Binding contact : contacts) {
            try {
                send(message, contact, handler);
            } catch (SipException | ParseException | InvalidArgumentException | RuntimeException e) {
                LOG.log(Level.FINE, "could not send a stored message to " + contact.contactUri(), e);
                settle.accept(0);
            }
        }
        return done;
    }

    private void send(QueuedMessage message, Binding contact, SipResponseHandler handler)
            throws SipException, ParseException, InvalidArgumentException {
        SipFactories f = engine.factories();
        URI target = f.addresses().createURI(contact.contactUri());
        ListeningPoint point = engine.listeningPoint(contact.transport());
        if (point == null) {
            point = engine.listeningPoint(ListeningPoint.UDP);
        }
        SipProvider provider = engine.provider(point.getIPAddress().contains(":") ? "IPv6" : "IPv4");
        FromHeader from = f.headers().createFromHeader(f.addresses().createAddress(message.senderUri()),
                Utils.getInstance().generateTag());
        ToHeader to = f.headers().createToHeader(f.addresses().createAddress(message.recipientUri()), null);
        ViaHeader via = f.headers().createViaHeader(point.getIPAddress(), point.getPort(), point.getTransport(),
                Utils.getInstance().generateBranchId());
        Request request = f.messages().createRequest(target, SipMethods.MESSAGE, provider.getNewCallId(),
                f.headers().createCSeqHeader(1L, SipMethods.MESSAGE), from, to, List.of(via),
                f.headers().createMaxForwardsHeader(70));
        Calendar received = Calendar.getInstance(TimeZone.getTimeZone("GMT"));
        received.setTimeInMillis(message.receivedAt().toEpochMilli());
        DateHeader date = f.headers().createDateHeader(received);
        request.addHeader(date);
        if (!message.contentType().isEmpty()) {
            request.setContent(message.body(), (ContentTypeHeader) f.headers().createHeader(ContentTypeHeader.NAME,
                    message.contentType()));
        }
        Hop hop = NatTraversal.publicHop(contact, target);
        if (hop != null) {
            NextHopRouter.sendVia(request, hop);
        }
        ClientTransaction transaction = provider.getNewClientTransaction(request);
        transaction.setApplicationData(handler);
        Hop next = provider.getSipStack().getRouter().getNextHop(request);
        if (next != null) {
            events.requestSent(new SipMessageEvent(request, point.getTransport(), point.getIPAddress(), point.getPort(),
                    next.getHost(), next.getPort()));
        }
        transaction.sendRequest();
    }
}
