import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.postgresql.ds.PGSimpleDataSource;
import org.switchboard.persistence.SchemaMigration;
import org.switchboard.persistence.testsupport.TestDatabase;
import org.switchboard.persistence.trace.TraceRepository;

/**
 * Fills a private PostgreSQL schema with OLD trace rows past the 7-day window plus YOUNG rows inside
 * it, then purges the way the retention run does (TraceRepository.deleteOlderThan, one transaction
 * per batch) and prints the time, the batches and the JVM's peak memory. Run by run.sh.
 */
public class TracePurgeBench {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int old = Integer.parseInt(args[1]);
        int young = Integer.parseInt(args[2]);
        int batchSize = Integer.parseInt(args[3]);
        String schema = "retention_bench";

        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(url);
        admin.setUser(System.getProperty("pg.user", "switchboard"));
        admin.setPassword(System.getProperty("pg.password", "switchboard"));
        execute(admin, "DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(admin.getUser());
        ds.setPassword(admin.getPassword());
        ds.setCurrentSchema(schema);
        try {
            SchemaMigration.migrate(ds);
            Instant now = Instant.now();
            long fillStart = System.nanoTime();
            fill(ds, now, old, young);
            System.out.printf("filled %,d old + %,d young trace rows in %.1f s (server-side INSERT ... SELECT)%n",
                    old, young, seconds(System.nanoTime() - fillStart));

            EntityManagerFactory emf = TestDatabase.createEntityManagerFactory(ds);
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            Instant cutoff = now.minus(Duration.ofDays(7));
            long start = System.nanoTime();
            long total = 0;
            int batches = 0;
            long slowest = 0;
            int deleted;
            do {
                long batchStart = System.nanoTime();
                deleted = inTransaction(emf, em -> new TraceRepository(em).deleteOlderThan(cutoff, batchSize));
                slowest = Math.max(slowest, System.nanoTime() - batchStart);
                total += deleted;
                batches++;
            } while (deleted == batchSize);
            double took = seconds(System.nanoTime() - start);
            emf.close();

            long left = count(ds, "SELECT COUNT(*) FROM trace_message");
            long heapPeak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("purged %,d rows in %d batches of up to %,d: %.1f s (%,.0f rows/s), slowest batch %.2f s%n",
                    total, batches, batchSize, took, total / took, seconds(slowest));
            System.out.printf("left %,d rows (expected %,d)%n", left, young);
            System.out.printf("JVM peak heap used during the purge: %.1f MiB (max heap %.0f MiB); process peak RSS: %s%n",
                    heapPeak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0, peakRss());
            if (left != young || total != old) {
                throw new IllegalStateException("purge deleted " + total + " of " + old + " old rows, left " + left);
            }
        } finally {
            execute(admin, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** Old rows spread over the 23 days before the window, young ones over the 7 days inside it. */
    private static void fill(PGSimpleDataSource ds, Instant now, int old, int young) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO account (sip_user, sip_domain, status, created_at) VALUES ('bench', 'localhost', 'ACTIVE', now())");
            String insert = "INSERT INTO trace_message (call_id, message_time, direction, transport, source_ip, source_port,"
                    + " destination_ip, destination_port, method, cseq_method, raw_text, from_account_id)"
                    + " SELECT 'call-' || g || '@192.0.2.1', ?::timestamptz - (g % ?) * interval '1 second', 'IN', 'UDP',"
                    + " '192.0.2.1', 5060, '198.51.100.1', 5060, 'INVITE', 'INVITE',"
                    + " 'INVITE sip:bob@localhost SIP/2.0' || chr(13) || chr(10) || repeat('Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK' || g || chr(13) || chr(10), 6),"
                    + " (SELECT id FROM account WHERE sip_user = 'bench') FROM generate_series(1, ?) g";
            try (PreparedStatement p = c.prepareStatement(insert)) {
                p.setString(1, now.minus(Duration.ofDays(7)).minusSeconds(1).toString());
                p.setInt(2, 23 * 86400);
                p.setInt(3, old);
                p.executeUpdate();
                p.setString(1, now.toString());
                p.setInt(2, 7 * 86400 - 60);
                p.setInt(3, young);
                p.executeUpdate();
            }
            s.execute("ANALYZE trace_message");
        }
    }

    interface Work {
        int apply(EntityManager em);
    }

    private static int inTransaction(EntityManagerFactory emf, Work work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            int result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            em.close();
        }
    }

    private static void execute(PGSimpleDataSource ds, String... sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    private static long count(PGSimpleDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String peakRss() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .map(line -> line.substring("VmHWM:".length()).trim())
                .findFirst().orElse("n/a");
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
