package io.handoff.bench;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.handoff.backup.BackupProperties;
import io.handoff.backup.TenantExport;
import io.handoff.backup.TenantImport;
import io.handoff.graph.Person;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Team;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.scheduler.Scheduler;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Tenant export and import of a synthetic organisation (default 50,000 people, {@link SyntheticOrg} as the graph
 * benchmark builds it): loads it, exports it to a file (time, size, records), wipes the tenant, imports the file
 * (time), exports again and checks the records are the same bytes. {@code -Dpeople -Dteams -Dedges -Dseed}.
 */
public final class BackupBenchmark {
    private static final PrintStream out = System.out;

    private BackupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int people = Integer.getInteger("people", 50_000);
        int teams = Integer.getInteger("teams", Math.max(10, people / 100));
        int edges = Integer.getInteger("edges", people * 5);
        long seed = Long.getLong("seed", 20_260_105L);
        try (BenchRedis redis = BenchRedis.open()) {
            run(redis.client(), people, teams, edges, seed);
        }
    }

    private static void run(UnifiedJedis client, int people, int teams, int edges, long seed) throws Exception {
        TenantId tenant = TenantId.of("bench-backup-" + Long.toString(System.nanoTime(), 36));
        out.printf("Handoff backup benchmark: %,d people, %,d teams, %,d handoffs, seed %d; tenant %s%n", people, teams,
                edges, seed, tenant);
        out.println(LoadAverage.line());
        SyntheticOrg org = SyntheticOrg.generate(people, teams, edges, seed);
        RedisGraphStore store = new RedisGraphStore(client);
        long t = System.nanoTime();
        store.saveTenant(new Tenant(tenant, "Backup benchmark", null, null, null, SyntheticOrg.NOW));
        for (Team team : org.teams()) {
            store.saveTeam(tenant, team);
        }
        for (Person person : org.people()) {
            store.savePerson(tenant, person);
        }
        int written = store.importHandoffs(tenant, org.edges());
        out.printf("Loaded %,d people and %,d handoffs in %s%n", org.people().size(), written,
                Samples.micros(System.nanoTime() - t));

        BackupProperties properties = BackupProperties.defaults();
        TenantExport export = new TenantExport(client, Clock.systemUTC(), properties);
        TenantImport restore = new TenantImport(client, store, new Scheduler(client, Clock.systemUTC(),
                Duration.ofDays(7)), properties);
        Path first = Files.createTempFile("handoff-backup-bench-", ".ndjson");
        Path second = Files.createTempFile("handoff-backup-bench-", ".ndjson");
        try {
            t = System.nanoTime();
            long records;
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(first), 1 << 16)) {
                records = export.write(tenant, file);
            }
            long exportNanos = System.nanoTime() - t;
            long size = Files.size(first);
            out.printf("Export: %,d records, %,.1f MB in %s (%,.0f records/s, %,.1f MB/s; %s)%n", records, size / 1e6,
                    Samples.micros(exportNanos), records / (exportNanos / 1e9), size / 1e6 / (exportNanos / 1e9),
                    LoadAverage.brief());

            wipe(client, tenant);
            t = System.nanoTime();
            TenantImport.Restored restored;
            try (InputStream file = Files.newInputStream(first)) {
                restored = restore.restore(tenant, file);
            }
            long importNanos = System.nanoTime() - t;
            out.printf("Import: %,d records in %,d batches in %s (%,.0f records/s; %s)%n", restored.records(),
                    restored.batches(), Samples.micros(importNanos), restored.records() / (importNanos / 1e9),
                    LoadAverage.brief());

            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(second), 1 << 16)) {
                export.write(tenant, file);
            }
            boolean same = MessageDigest.isEqual(bodyDigest(first), bodyDigest(second));
            out.printf("Round trip (export, wipe, import, export): records %s -> %s%n",
                    same ? "identical bytes" : "DIFFERENT", same ? "PASS" : "FAIL");
            if (!same) {
                System.exit(1);
            }
        } finally {
            wipe(client, tenant);
            Files.deleteIfExists(first);
            Files.deleteIfExists(second);
        }
    }

    /** SHA-256 of everything after the header line (which holds exportedAt). */
    private static byte[] bodyDigest(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                // skip the header
            }
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                sha.update(buffer, 0, read);
            }
        }
        return sha.digest();
    }

    private static void wipe(UnifiedJedis client, TenantId tenant) {
        ScanParams params = new ScanParams().match(TenantKeys.prefix(tenant).concat("*")).count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = client.scan(cursor, params);
            List<String> keys = page.getResult();
            if (!keys.isEmpty()) {
                client.del(keys.toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        client.srem("handoff:tenants", tenant.value());
    }
}
