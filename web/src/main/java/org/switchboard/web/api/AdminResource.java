package org.switchboard.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.switchboard.application.account.AccountSummary;
import org.switchboard.application.admin.AccountActions;
import org.switchboard.application.admin.AccountDetails;
import org.switchboard.application.admin.AccountInspection;
import org.switchboard.application.admin.AccountSearch;
import org.switchboard.application.admin.AuditLine;
import org.switchboard.application.admin.AuditTrail;
import org.switchboard.application.cdr.CallRow;
import org.switchboard.application.trace.TracedCallRow;
import org.switchboard.persistence.audit.AuditFilter;
import org.switchboard.persistence.cdr.CdrFilter;

/**
 * /api/v1/admin: the admin console's services as JSON, for support staff, with the console's login
 * session. No role check here on purpose: the services' {@code @RolesAllowed("support")} refuse
 * anyone else, and ApiErrors turns that into 403. Reads of an account's data are audited by the
 * services exactly as the pages' are.
 */
@Path("admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    AccountSearch search;

    @Inject
    AccountInspection inspection;

    @Inject
    AccountActions actions;

    @Inject
    AuditTrail audit;

    /** The body of every action: why it is done (required). */
    public record Reason(String reason) {
    }

    public record Done(String message) {
    }

    public record NewSipPassword(String sipPassword, String message) {
    }

    @GET
    @Path("accounts")
    public Page<AccountSummary> accounts(@QueryParam("q") @DefaultValue("") String q,
                                         @QueryParam("first") @DefaultValue("0") int first,
                                         @QueryParam("max") @DefaultValue("50") int max) {
        int size = ApiParams.pageSize(max);
        return new Page<>(search.count(q), first, size, search.search(q, Math.max(0, first), size));
    }

    @GET
    @Path("accounts/{sipUser}")
    public AccountDetails account(@PathParam("sipUser") String sipUser) {
        return inspection.open(sipUser);
    }

    @GET
    @Path("accounts/{sipUser}/cdrs")
    public Page<CallRow> cdrs(@PathParam("sipUser") String sipUser, @QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("peer") String peer, @QueryParam("sort") @DefaultValue("start") String sort,
                              @QueryParam("order") @DefaultValue("desc") String order,
                              @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max) {
        Instant end = ApiParams.instant("to", to, Instant.now().plus(1, ChronoUnit.DAYS));
        CdrFilter filter = new CdrFilter(ApiParams.instant("from", from, end.minus(400, ChronoUnit.DAYS)), end, peer);
        int size = ApiParams.pageSize(max);
        return new Page<>(inspection.callHistoryCount(sipUser, filter), first, size,
                inspection.callHistory(sipUser, filter, ApiParams.sort(sort), !"desc".equals(order), Math.max(0, first), size));
    }

    @GET
    @Path("accounts/{sipUser}/calls")
    public Page<TracedCallRow> calls(@PathParam("sipUser") String sipUser, @QueryParam("first") @DefaultValue("0") int first,
                                     @QueryParam("max") @DefaultValue("50") int max) {
        int size = ApiParams.pageSize(max);
        return new Page<>(inspection.tracedCallCount(sipUser), first, size, inspection.tracedCalls(sipUser, Math.max(0, first), size));
    }

    @GET
    @Path("accounts/{sipUser}/calls/{callId}/trace")
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    public Response trace(@PathParam("sipUser") String sipUser, @PathParam("callId") String callId, @Context HttpHeaders headers) {
        return TraceResponse.of(callId, inspection.trace(sipUser, callId), headers);
    }

    @POST
    @Path("accounts/{sipUser}/block")
    @Consumes(MediaType.APPLICATION_JSON)
    public Done block(@PathParam("sipUser") String sipUser, Reason body) {
        return new Done(actions.block(sipUser, reason(body)));
    }

    @POST
    @Path("accounts/{sipUser}/unblock")
    @Consumes(MediaType.APPLICATION_JSON)
    public Done unblock(@PathParam("sipUser") String sipUser, Reason body) {
        return new Done(actions.unblock(sipUser, reason(body)));
    }

    /** The new password is in this answer only; the service keeps its digest hashes. */
    @POST
    @Path("accounts/{sipUser}/sip-password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resetSipPassword(@PathParam("sipUser") String sipUser, Reason body) {
        String password = actions.resetSipPassword(sipUser, reason(body));
        return Response.ok(new NewSipPassword(password, "Give this password to the subscriber now: it is not shown again."))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("audit")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response audit(@QueryParam("account") String account, @QueryParam("actor") String actor,
                          @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max,
                          @QueryParam("format") @DefaultValue("json") String format) {
        AuditFilter filter = new AuditFilter(actor, action, account, ApiParams.instant("from", from, null),
                ApiParams.instant("to", to, null));
        if ("csv".equals(format)) {
            // The count first: a subscriber's session is refused (403) before any byte of the body is written.
            audit.count(filter);
            StreamingOutput csv = out -> {
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                writer.write(AuditCsv.HEADER);
                audit.export(filter, line -> AuditCsv.row(writer, line));
                writer.flush();
            };
            return Response.ok(csv, "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
        }
        if (!"json".equals(format)) {
            throw new ApiErrors.BadRequest("format must be json or csv, not " + format + ".");
        }
        int size = ApiParams.pageSize(max);
        Page<AuditLine> page = new Page<>(audit.count(filter), first, size, audit.page(filter, Math.max(0, first), size));
        return Response.ok(page).build();
    }

    private static String reason(Reason body) {
        if (body == null) {
            throw new ApiErrors.BadRequest("Send {\"reason\": \"why\"}.");
        }
        return body.reason();
    }
}
