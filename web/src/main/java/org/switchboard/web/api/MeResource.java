package org.switchboard.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.switchboard.application.account.AccountNotFoundException;
import org.switchboard.application.account.AccountService;
import org.switchboard.application.account.AccountSummary;
import org.switchboard.application.cdr.CallHistory;
import org.switchboard.application.cdr.CallRow;
import org.switchboard.application.device.Device;
import org.switchboard.application.device.Devices;
import org.switchboard.application.trace.CallTraces;
import org.switchboard.application.trace.TracedCallRow;
import org.switchboard.application.voicemail.VoicemailChoices;
import org.switchboard.application.voicemail.VoicemailItem;
import org.switchboard.application.voicemail.VoicemailSettingsService;
import org.switchboard.persistence.cdr.CdrFilter;
import org.switchboard.web.security.CurrentLogin;

/**
 * /api/v1/me: the signed-in subscriber's own data, from the same services as the portal's pages.
 * No path or parameter names an account: it always comes from the login, and ids of other
 * accounts' calls, records or voicemails answer 404 (ApiErrors).
 */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    CurrentLogin login;

    @Inject
    AccountService accounts;

    @Inject
    CallHistory history;

    @Inject
    CallTraces traces;

    @Inject
    Devices devices;

    @Inject
    VoicemailSettingsService voicemail;

    @GET
    public AccountSummary me() {
        return accounts.findByLogin(login.name()).orElseThrow(AccountNotFoundException::new);
    }

    @GET
    @Path("cdrs")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response cdrs(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("peer") String peer,
                         @QueryParam("sort") @DefaultValue("start") String sort, @QueryParam("order") @DefaultValue("desc") String order,
                         @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max,
                         @QueryParam("format") @DefaultValue("json") String format) {
        Instant end = ApiParams.instant("to", to, Instant.now().plus(1, ChronoUnit.DAYS));
        CdrFilter filter = new CdrFilter(ApiParams.instant("from", from, end.minus(400, ChronoUnit.DAYS)), end, peer);
        if ("csv".equals(format)) {
            StreamingOutput csv = out -> {
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                writer.write(CdrCsv.HEADER);
                history.export(login.name(), filter, row -> CdrCsv.row(writer, row));
                writer.flush();
            };
            return Response.ok(csv, "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"calls.csv\"").build();
        }
        if (!"json".equals(format)) {
            throw new ApiErrors.BadRequest("format must be json or csv, not " + format + ".");
        }
        List<CallRow> rows = history.page(login.name(), filter, ApiParams.sort(sort), !"desc".equals(order), Math.max(0, first), ApiParams.pageSize(max));
        return Response.ok(new Page<>(history.count(login.name(), filter), first, ApiParams.pageSize(max), rows)).build();
    }

    @GET
    @Path("cdrs/{id}")
    public CallRow cdr(@PathParam("id") long id) {
        return history.find(login.name(), id);
    }

    @GET
    @Path("calls")
    public Page<TracedCallRow> calls(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max) {
        return new Page<>(traces.count(login.name()), first, ApiParams.pageSize(max), traces.calls(login.name(), Math.max(0, first), ApiParams.pageSize(max)));
    }

    @GET
    @Path("calls/{callId}/trace")
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    public Response trace(@PathParam("callId") String callId, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        return TraceResponse.of(callId, traces.trace(login.name(), callId), headers);
    }

    @GET
    @Path("devices")
    public List<Device> devices() {
        return devices.registered(login.name());
    }

    @GET
    @Path("voicemails")
    public Page<VoicemailItem> voicemails(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max) {
        return new Page<>(voicemail.count(login.name()), first, ApiParams.pageSize(max), voicemail.list(login.name(), Math.max(0, first), ApiParams.pageSize(max)));
    }

    @GET
    @Path("voicemails/{id}/audio")
    // JSON too: an error (404 for another account's id) is JSON whatever the client accepts.
    @Produces({"audio/wav", MediaType.APPLICATION_JSON})
    public Response audio(@PathParam("id") long id) {
        return Response.ok(voicemail.audio(login.name(), id), "audio/wav")
                .header("Content-Disposition", "inline; filename=\"voicemail-" + id + ".wav\"").build();
    }

    @GET
    @Path("voicemail-settings")
    public VoicemailChoices voicemailSettings() {
        return voicemail.settings(login.name());
    }

    @PUT
    @Path("voicemail-settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public VoicemailChoices updateVoicemailSettings(VoicemailChoices choices) {
        if (choices == null) {
            throw new ApiErrors.BadRequest("Send {\"enabled\": true|false, \"sendByEmail\": true|false, \"storeOnServer\": true|false}.");
        }
        return voicemail.update(login.name(), choices);
    }
}
