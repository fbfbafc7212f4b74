package org.switchboard.sip.servlet;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The application router: picks the servlet for each request. Servlets register themselves just
 * by being CDI beans extending {@link SipServlet}; the router asks them in {@link
 * SipServlet#routingOrder()} order. Unknown methods get 501, known ones no servlet takes get 405
 * with Allow, ACK without a taker is dropped.
 */
@ApplicationScoped
public class SipRouter {

    private static final Logger LOG = Logger.getLogger(SipRouter.class.getName());

    @Inject
    @Any
    Instance<SipServlet> discovered;

    private List<SipServlet> servlets;
    private String allow;

    @PostConstruct
    void collectServlets() {
        List<SipServlet> found = new ArrayList<>();
        discovered.forEach(found::add);
        found.sort(Comparator.comparingInt(SipServlet::routingOrder));
        servlets = List.copyOf(found);
        TreeSet<String> methods = new TreeSet<>();
        servlets.forEach(s -> methods.addAll(s.methods()));
        methods.add(SipMethods.ACK); // always accepted (and absorbed), never refused
        allow = String.join(", ", methods);
        LOG.info(() -> "SIP servlets: " + servlets.stream().map(s -> s.getClass().getSimpleName().replace("$Proxy$_$$_WeldClientProxy", "")).toList()
                + ", Allow: " + allow);
    }

    /** The methods some servlet handles, as an Allow header value. */
    public String allowHeader() {
        return allow;
    }

    /** The servlet that takes this request, if any. */
    public SipServlet servletFor(SipRequest request) {
        String method = request.getMethod();
        for (SipServlet servlet : servlets) {
            if (servlet.methods().contains(method) && servlet.accepts(request)) {
                return servlet;
            }
        }
        return null;
    }

    /**
     * What every servlet would refuse alike (RFC 3261 section 8.2.2): a Request-URI scheme we do
     * not serve (416), or an extension the sender requires and we do not support (420, listing
     * them in Unsupported; we support none yet).
     */
    private static boolean refusedUpFront(SipRequest request) {
        String scheme = request.getRequestURI().getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!SUPPORTED_SCHEMES.contains(scheme)) {
            request.respond(416);
            return true;
        }
        List<String> required = new ArrayList<>();
        for (String name : List.of("Require", "Proxy-Require")) {
            for (javax.sip.header.Header header : request.getHeaders(name)) {
                required.add(((javax.sip.header.RequireHeader) header).getOptionTag());
            }
        }
        if (!required.isEmpty()) {
            request.createResponse(420).setHeader("Unsupported", String.join(", ", required)).send();
            return true;
        }
        return false;
    }

    /**
     * RFC 3261 section 8.1.1.5: the CSeq method MUST match the request's. One that does not gets
     * 400, or is dropped when the stack cannot answer it (its transaction was keyed on the CSeq
     * method, and sending then fails): a malformed request either way, not a handler's failure.
     */
    private static boolean cseqDisagrees(SipRequest request) {
        javax.sip.header.CSeqHeader cseq = (javax.sip.header.CSeqHeader) request.unwrap().getHeader(javax.sip.header.CSeqHeader.NAME);
        if (cseq == null || request.getMethod().equals(cseq.getMethod())) {
            return false;
        }
        try {
            request.createResponse(400, "CSeq method does not match the request").send();
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.FINE, "a request whose CSeq method disagrees could not be answered: dropped", e);
        }
        return true;
    }

    private static final java.util.Set<String> SUPPORTED_SCHEMES = java.util.Set.of("sip", "sips", "tel");

    /** Routes and runs a request; answers 501/405 itself when no servlet is for it. */
    public void route(SipRequest request) throws Exception {
        String method = request.getMethod();
        if (SipMethods.ACK.equals(method)) {
            SipServlet servlet = servletFor(request);
            if (servlet != null) {
                servlet.service(request);
            }
            return;
        }
        if (!SipMethods.isKnown(method)) {
            request.respond(501);
            return;
        }
        if (cseqDisagrees(request)) {
            return;
        }
        if (!SipMethods.CANCEL.equals(method) && refusedUpFront(request)) {
            return;
        }
        SipServlet servlet = servletFor(request);
        if (servlet == null) {
            request.respond(405);
            return;
        }
        servlet.service(request);
    }
}
