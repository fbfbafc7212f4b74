package org.switchboard.web.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.application.account.AccountNotFoundException;
import org.switchboard.application.account.WeakPasswordException;
import org.switchboard.application.admin.StaffInputException;
import org.switchboard.application.portal.AccountDisabledException;
import org.switchboard.application.portal.NotFoundException;

/**
 * Turns every failure of the API into JSON {@code {"message": ...}} with the right status: 404 for
 * what is not the subscriber's (or does not exist), 403 for an account being deleted or a staff method
 * called without role support, 400 for bad
 * input, and 500 with a generic message (the details go to the server log only).
 */
@Provider
public class ApiErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

    @Override
    public Response toResponse(Throwable error) {
        if (error instanceof EJBAccessException) {
            // The services' @RolesAllowed: a subscriber's session asking for a staff method.
            return json(403, "Support staff only.");
        }
        Throwable cause = error instanceof EJBException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof NotFoundException || cause instanceof AccountNotFoundException) {
            return json(404, cause.getMessage());
        }
        if (cause instanceof AccountDisabledException) {
            return json(403, cause.getMessage());
        }
        if (cause instanceof WeakPasswordException || cause instanceof BadRequest || cause instanceof StaffInputException) {
            return json(400, cause.getMessage());
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return json(status, status == 404 ? "Not found." : Response.Status.fromStatusCode(status) == null
                    ? "Request refused." : Response.Status.fromStatusCode(status).getReasonPhrase() + ".");
        }
        LOG.log(Level.SEVERE, "API request failed", error);
        return json(500, "Something went wrong on the server; it has been logged.");
    }

    static Response json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorMessage(message)).build();
    }

    /** A query parameter or body the API can't use; the message says which and why. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
