package org.switchboard.persistence.testsupport;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.AccountRepository;

/** A migrated, validated database plus helpers to run work in short transactions like the EJBs will. */
public final class MigratedDatabase {

    private final TestDatabase kind;
    private final DataSource dataSource;
    private final int migrationsApplied;
    private final EntityManagerFactory emf;

    MigratedDatabase(TestDatabase kind, DataSource dataSource, int migrationsApplied, EntityManagerFactory emf) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.migrationsApplied = migrationsApplied;
        this.emf = emf;
    }

    public TestDatabase kind() {
        return kind;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public int migrationsApplied() {
        return migrationsApplied;
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    /** Runs work in its own EntityManager and transaction; commits, or rolls back on any exception. */
    public <T> T tx(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    public void run(Consumer<EntityManager> work) {
        tx(em -> {
            work.accept(em);
            return null;
        });
    }

    /** A new ACTIVE account with a name no other test uses (the databases are shared within a run). */
    public Account newAccount(String userPrefix) {
        String user = userPrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return tx(em -> new AccountRepository(em).save(
                new Account(user, "example.org", userPrefix, user + "@example.org", java.time.Instant.now())));
    }
}
