package org.switchboard.sip.servlet;

import java.util.Set;

/**
 * Base class of the SIP servlets: application-scoped CDI beans (so they can inject EJBs and run
 * in transactions) that handle requests method by method, in the style of SIP Servlets (our own
 * thin layer, not JSR 289). {@link SipRouter} finds every bean of this type and gives each request
 * to the first servlet, by {@link #routingOrder()}, that lists its method in {@link #methods()}
 * and {@link #accepts} it.
 *
 * <p>To add a servlet: subclass, annotate {@code @ApplicationScoped}, list the methods, override
 * their {@code doXxx}. Handlers run on the bounded SIP executor; they must answer every request
 * but ACK (the engine answers 500 if a handler throws before answering).
 */
public abstract class SipServlet {

    /** The methods this servlet handles; the router offers it no others. */
    public abstract Set<String> methods();

    /** Lower goes first; the server's own OPTIONS answer is last ({@code Integer.MAX_VALUE}). */
    public int routingOrder() {
        return 1000;
    }

    /** Whether this servlet takes this request (e.g. only requests for local users); default yes. */
    public boolean accepts(SipRequest request) {
        return true;
    }

    /** Calls the handler of the request's method. */
    public void service(SipRequest request) throws Exception {
        switch (request.getMethod()) {
            case SipMethods.REGISTER -> doRegister(request);
            case SipMethods.INVITE -> doInvite(request);
            case SipMethods.ACK -> doAck(request);
            case SipMethods.BYE -> doBye(request);
            case SipMethods.CANCEL -> doCancel(request);
            case SipMethods.OPTIONS -> doOptions(request);
            case SipMethods.PRACK -> doPrack(request);
            case SipMethods.UPDATE -> doUpdate(request);
            case SipMethods.INFO -> doInfo(request);
            case SipMethods.REFER -> doRefer(request);
            case SipMethods.MESSAGE -> doMessage(request);
            case SipMethods.SUBSCRIBE -> doSubscribe(request);
            case SipMethods.NOTIFY -> doNotify(request);
            case SipMethods.PUBLISH -> doPublish(request);
            default -> notHandled(request);
        }
    }

    protected void doRegister(SipRequest request) throws Exception {
        notHandled(request);
    }

    protected void doInvite(SipRequest request) throws Exception {
        notHandled(request);
    }

    /** ACK gets no answer; the default ignores it. */
    protected void doAck(SipRequest request) throws Exception {
        // nothing to answer
    }

    protected void doBye(SipRequest request) throws Exception {
        notHandled(request);
    }

    protected void doCancel(SipRequest request) throws Exception {
        notHandled(request);
    }

    protected void doOptions(SipRequest request) throws Exception {
        notHandled(request);
    }

    protected void doPrack(SipRequest request) throws Exception {
        notHandled(request);
    }

    protected void doUpdate(SipRequest request) throws Exception {
        notHandled(request);
    }

    protected void doInfo(SipRequest request) throws Exception {
        notHandled(request);
    }

    protected void doRefer(SipRequest request) throws Exception {
        notHandled(request);
    }

    protected void doMessage(SipRequest request) throws Exception {
        notHandled(request);
    }

    protected void doSubscribe(SipRequest request) throws Exception {
        notHandled(request);
    }

    protected void doNotify(SipRequest request) throws Exception {
        notHandled(request);
    }

    protected void doPublish(SipRequest request) throws Exception {
        notHandled(request);
    }

    /** A method listed in {@link #methods()} without its handler: 405 with Allow. */
    private void notHandled(SipRequest request) {
        if (!SipMethods.ACK.equals(request.getMethod())) {
            request.respond(405);
        }
    }
}
