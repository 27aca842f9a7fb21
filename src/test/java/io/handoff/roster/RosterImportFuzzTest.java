package io.handoff.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.handoff.graph.GraphStore;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;

/**
 * Fuzzes the roster CSV ({@code POST /api/v1/tenants/{t}/roster}) into a real store: any body gives a report (bad
 * rows listed as row errors) or a {@link RosterFormatException}, never another exception.
 */
class RosterImportFuzzTest {
    private final GraphStore store = new RedisGraphStore(TestRedis.client());
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final RosterImport roster = new RosterImport(store);

    RosterImportFuzzTest() {
        store.saveTenant(new Tenant(tenant, "Fuzzed depot", null, null, null, Instant.parse("2026-01-05T10:00:00Z")));
    }

    @FuzzTest(maxExecutions = 3_000)
    void importsOrRefuses(FuzzedDataProvider data) {
        String csv = data.consumeBoolean() ? "email,name,team,manager_email\n" + data.consumeRemainingAsString()
                : data.consumeRemainingAsString();
        try {
            RosterReport report = roster.importCsv(tenant, new StringReader(csv));
            assertThat(report.errors()).allSatisfy(error -> assertThat(error.message()).isNotBlank());
        } catch (RosterFormatException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
