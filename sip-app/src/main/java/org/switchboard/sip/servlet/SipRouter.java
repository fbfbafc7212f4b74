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
        SipServlet servlet = servletFor(request);
        if (servlet == null) {
            request.respond(405);
            return;
        }
        servlet.service(request);
    }
}
