package org.switchboard.persistence.abuse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;

/**
 * Sign-ups per source address and day (table {@code signup_count}): the limit against
 * "systematically creating accounts". A slot is taken in the sign-up's own transaction, so a
 * refused sign-up (rolled back) takes none; the conditional UPDATE is what keeps concurrent
 * sign-ups from one address under the limit (the row lock orders them).
 */
@ApplicationScoped
public class SignUpCountRepository {

    /** One address's sign-ups on a day. */
    public record AddressCount(String address, int signups) implements java.io.Serializable {
    }

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    protected SignUpCountRepository() {
        // for CDI
    }

    public SignUpCountRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Counts one more sign-up of {@code address} on {@code day} if it had fewer than {@code limit};
     * false (nothing counted) when it had reached it. Earlier days are forgotten on the way.
     */
    public boolean take(LocalDate day, String address, int limit) {
        em.createNativeQuery("DELETE FROM signup_count WHERE signup_day < ?1").setParameter(1, day).executeUpdate();
        em.createNativeQuery("INSERT INTO signup_count (signup_day, address, signups) SELECT ?1, ?2, 0"
                        + " WHERE NOT EXISTS (SELECT 1 FROM signup_count WHERE signup_day = ?1 AND address = ?2)")
                .setParameter(1, day)
                .setParameter(2, address)
                .executeUpdate();
        return em.createNativeQuery("UPDATE signup_count SET signups = signups + 1"
                        + " WHERE signup_day = ?1 AND address = ?2 AND signups < ?3")
                .setParameter(1, day)
                .setParameter(2, address)
                .setParameter(3, limit)
                .executeUpdate() == 1;
    }

    /** The day's counts, most sign-ups first (support). */
    public List<AddressCount> on(LocalDate day, int max) {
        List<?> rows = em.createNativeQuery("SELECT address, signups FROM signup_count WHERE signup_day = ?1"
                        + " ORDER BY signups DESC, address")
                .setParameter(1, day)
                .setMaxResults(max)
                .getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new AddressCount((String) r[0], ((Number) r[1]).intValue()))
                .toList();
    }
}
