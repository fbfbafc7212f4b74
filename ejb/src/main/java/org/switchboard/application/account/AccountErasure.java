package org.switchboard.application.account;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.application.audit.FailureText;

/**
 * Processes the deletion requests that are due: marks each PROCESSING, deletes the account's data
 * kind by kind in batches, deletes the login in Keycloak, then finishes (account gone, or closed
 * with its money records). Runs outside a transaction; every step brings its own. A request that
 * fails stays PROCESSING and is finished by the next run.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountErasure {

    private static final Logger LOG = Logger.getLogger(AccountErasure.class.getName());

    @EJB
    AccountErasureSteps steps;

    @Inject
    LoginDirectory logins;

    /** How many accounts went, how many were closed for their money records, and what failed. */
    public record Result(int deleted, int closed, List<String> failures) {
    }

    public Result processDue(String actor, Instant now, Duration gracePeriod, int batchSize) {
        int deleted = 0;
        int closed = 0;
        List<String> failures = new ArrayList<>();
        for (long requestId : steps.due(now.minus(gracePeriod))) {
            try {
                Optional<Boolean> outcome = process(requestId, actor, now, batchSize);
                if (outcome.isPresent()) {
                    if (outcome.get()) {
                        deleted++;
                    } else {
                        closed++;
                    }
                }
            } catch (RuntimeException e) {
                // No personal data in the message: it goes to the audit log.
                failures.add("deletion request #" + requestId + ": " + FailureText.of(e));
                LOG.log(Level.WARNING, "Deletion request #" + requestId + " stays PROCESSING until the next run", e);
            }
        }
        return new Result(deleted, closed, failures);
    }

    /** @return whether the account was deleted (true) or closed (false); empty if already done elsewhere */
    private Optional<Boolean> process(long requestId, String actor, Instant now, int batchSize) {
        Optional<ErasureTarget> started = steps.start(requestId);
        if (started.isEmpty()) {
            return Optional.empty();
        }
        ErasureTarget target = started.get();
        for (AccountData kind : AccountData.values()) {
            while (steps.eraseBatch(kind, target.accountId(), batchSize) == batchSize) {
                // full batch: there may be more
            }
        }
        logins.deleteLogin(target.login());
        return Optional.of(steps.finish(target, actor, now));
    }
}
