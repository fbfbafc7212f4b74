package org.switchboard.persistence.cdr;

/** The columns a call history may be sorted by; each maps to a fixed JPQL path (no user text in the query). */
public enum CdrSort {
    START("c.startTime"),
    DURATION("c.durationSeconds"),
    DISPOSITION("c.disposition");

    private final String path;

    CdrSort(String path) {
        this.path = path;
    }

    String orderBy(boolean ascending) {
        String direction = ascending ? " asc" : " desc";
        return " order by " + path + direction + ", c.id" + direction;
    }
}
