package org.switchboard.persistence.testsupport;

import javax.sql.DataSource;

/** An empty, private database (H2) or schema (PostgreSQL) for tests that break or re-migrate a schema. */
public final class ScratchDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final AutoCloseable cleanup;

    ScratchDatabase(DataSource dataSource, AutoCloseable cleanup) {
        this.dataSource = dataSource;
        this.cleanup = cleanup;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws Exception {
        cleanup.close();
    }
}
