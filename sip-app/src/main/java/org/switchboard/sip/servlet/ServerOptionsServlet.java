package org.switchboard.sip.servlet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Answers OPTIONS with 200 and the Allow list (RFC 3261 section 11): the server's own capability
 * query and the keep-alive ping many phones and monitors send. Routed last, so the proxy can claim
 * OPTIONS addressed to a user before this servlet answers for the server.
 */
@ApplicationScoped
public class ServerOptionsServlet extends SipServlet {

    @Inject
    SipRouter router;

    @Override
    public Set<String> methods() {
        return Set.of(SipMethods.OPTIONS);
    }

    @Override
    public int routingOrder() {
        return Integer.MAX_VALUE;
    }

    @Override
    protected void doOptions(SipRequest request) {
        request.createResponse(200)
                .setHeader("Allow", router.allowHeader())
                .setHeader("Accept", "application/sdp")
                .send();
    }
}
