package org.switchboard.application.abuse;

import java.time.Instant;
import org.switchboard.persistence.abuse.AbuseFlag;

/** A flag as support sees it. */
public record AbuseFlagSummary(long id, String sipUri, String kind, String detail, Instant flaggedAt, Instant clearedAt,
        String clearedBy) {

    static AbuseFlagSummary of(AbuseFlag flag) {
        return new AbuseFlagSummary(flag.getId(), flag.getAccount().sipUri(), flag.getKind().name(), flag.getDetail(),
                flag.getFlaggedAt(), flag.getClearedAt(), flag.getClearedBy());
    }
}
