package org.switchboard.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Deletes at most N rows of one table in one statement: {@code DELETE ... WHERE id IN (SELECT id ...
 * FETCH FIRST N ROWS ONLY)}. The retention jobs call it once per transaction, so a backlog of millions
 * of rows is removed in short transactions that neither hold long locks nor load rows into memory.
 * Standard SQL: runs unchanged on H2 and PostgreSQL.
 */
public final class BatchDelete {

    private BatchDelete() {
    }

    /**
     * @param table     a table with an {@code id} primary key (a constant of the calling repository, never user input)
     * @param condition an SQL condition with positional parameters {@code ?1, ?2...}
     * @param limit     the most rows to delete, at least 1
     * @return the number of rows deleted; fewer than {@code limit} means none are left
     */
    public static int rows(EntityManager em, String table, String condition, int limit, Object... parameters) {
        if (limit < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, not " + limit);
        }
        // The limit is an int, so inlining it is safe; both databases accept a literal there.
        Query delete = em.createNativeQuery("DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table
                + " WHERE " + condition + " FETCH FIRST " + limit + " ROWS ONLY)");
        for (int i = 0; i < parameters.length; i++) {
            delete.setParameter(i + 1, parameters[i]);
        }
        return delete.executeUpdate();
    }
}
