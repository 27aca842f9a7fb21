package io.handoff.graph;

import static io.handoff.graph.StoreFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Tenants and the global index from Slack enterprise / team ids and Microsoft tenant ids to tenants. Platform ids
 * are derived from the fixture's unique tenant id, so tests never collide in the global index.
 */
class RedisGraphStoreTenantsTest {
    private final StoreFixture f = new StoreFixture();
    private final GraphStore store = f.store;
    private final String enterprise = "E" + f.tenant.value();
    private final String team = "T" + f.tenant.value();
    private final String microsoft = "M" + f.tenant.value();

    private Map<String, String> indexEntriesOf(TenantId tenant) {
        Map<String, String> entries = new java.util.TreeMap<>(f.redis.hgetAll(GraphKeys.TENANT_INDEX));
        entries.values().removeIf(value -> !value.equals(tenant.value()));
        return entries;
    }

    @Test
    void aSavedTenantReadsBackToTheSecond() {
        Tenant acme = new Tenant(f.tenant, "Acme Corp", enterprise, team, microsoft, T0.plusMillis(750));

        store.saveTenant(acme);

        assertThat(store.tenant(f.tenant)).contains(new Tenant(f.tenant, "Acme Corp", enterprise, team, microsoft, T0));
        assertThat(store.tenant(f.tenant).orElseThrow().createdAt()).isEqualTo(T0);
        assertThat(store.tenants()).contains(f.tenant);
        assertThat(f.keys()).containsExactly(f.key("tenant"));
        assertThat(f.hash("tenant")).isEqualTo(Map.of("name", "Acme Corp", "created", "1740992400",
                "slack-enterprise", enterprise, "slack-team", team, "microsoft-tenant", microsoft));
    }

    @Test
    void tenantsListsEverySavedTenantSorted() {
        TenantId second = io.handoff.testing.TestRedis.uniqueTenant();
        store.saveTenant(new Tenant(second, "Second", null, null, null, T0));
        store.saveTenant(new Tenant(f.tenant, "First", null, null, null, T0));

        List<TenantId> tenants = store.tenants();

        assertThat(tenants).contains(f.tenant, second);
        assertThat(tenants).isSorted();
        assertThat(tenants).doesNotHaveDuplicates();
        assertThat(store.tenant(second)).contains(new Tenant(second, "Second", null, null, null, T0));
        assertThat(f.hash("tenant")).isEqualTo(Map.of("name", "First", "created", "1740992400",
                "slack-enterprise", "", "slack-team", "", "microsoft-tenant", ""));
        assertThat(indexEntriesOf(f.tenant)).isEmpty();
    }

    @Test
    void anEnterpriseGridTenantIsFoundByItsEnterpriseId() {
        store.saveTenant(new Tenant(f.tenant, "Grid Org", enterprise, team, null, T0));

        assertThat(store.tenantForSlack(enterprise, team)).contains(f.tenant);
        assertThat(store.tenantForSlack(enterprise, "Tanother-workspace-of-the-grid")).contains(f.tenant);
        assertThat(store.tenantForSlack(enterprise, null)).contains(f.tenant);
        assertThat(indexEntriesOf(f.tenant)).isEqualTo(Map.of("slack-enterprise:" + enterprise, f.tenant.value()));
    }

    @Test
    void aSingleWorkspaceTenantIsFoundByItsTeamId() {
        store.saveTenant(new Tenant(f.tenant, "Small Co", null, team, null, T0));

        assertThat(store.tenantForSlack(null, team)).contains(f.tenant);
        assertThat(store.tenantForSlack("", team)).contains(f.tenant);
        assertThat(store.tenantForSlack("Eunknown" + f.tenant.value(), team)).contains(f.tenant);
        assertThat(store.tenantForMicrosoft(team)).isEmpty();
        assertThat(indexEntriesOf(f.tenant)).isEqualTo(Map.of("slack-team:" + team, f.tenant.value()));
    }

    @Test
    void aMicrosoftTenantIsFoundByItsTenantId() {
        store.saveTenant(new Tenant(f.tenant, "Both Platforms Ltd", null, team, microsoft, T0));

        assertThat(store.tenantForMicrosoft(microsoft)).contains(f.tenant);
        assertThat(store.tenantForSlack(null, team)).contains(f.tenant);
        assertThat(store.tenantForSlack(null, microsoft)).isEmpty();
        assertThat(indexEntriesOf(f.tenant)).isEqualTo(Map.of(
                "slack-team:" + team, f.tenant.value(), "microsoft:" + microsoft, f.tenant.value()));
    }

    @Test
    void unknownIdsFindNoTenant() {
        store.saveTenant(new Tenant(f.tenant, "Acme Corp", enterprise, team, microsoft, T0));

        assertThat(store.tenantForSlack("Enope" + f.tenant.value(), "Tnope" + f.tenant.value())).isEmpty();
        assertThat(store.tenantForSlack(null, null)).isEmpty();
        assertThat(store.tenantForSlack(" ", " ")).isEmpty();
        assertThat(store.tenantForMicrosoft("Mnope" + f.tenant.value())).isEmpty();
        assertThat(store.tenantForMicrosoft(null)).isEmpty();
        assertThat(store.tenantForMicrosoft("")).isEmpty();
        assertThat(store.tenant(io.handoff.testing.TestRedis.uniqueTenant())).isEmpty();
    }

    /**
     * An instance keeps the index's answers stamped with its version token (one round trip per lookup); another
     * instance moving the workspace to another tenant replaces the token, so the move is seen at once.
     */
    @Test
    void aWorkspaceMovedToAnotherTenantByAnotherInstanceIsFoundThereAtOnce() {
        store.saveTenant(new Tenant(f.tenant, "Acme Corp", null, team, microsoft, T0));
        f.store.savePerson(f.tenant, Person.of("pat", "Pat", null).withIdentity(Platform.SLACK, "UPAT"));
        assertThat(store.tenantForSlack(null, team)).contains(f.tenant);
        assertThat(store.slackActor(null, team, "UPAT")).contains(new GraphStore.KnownActor(f.tenant,
                Optional.of(PersonId.of("pat"))));
        assertThat(store.tenantForMicrosoft(microsoft)).contains(f.tenant);

        TenantId second = io.handoff.testing.TestRedis.uniqueTenant();
        RedisGraphStore otherInstance = new RedisGraphStore(f.redis);
        otherInstance.saveTenant(new Tenant(second, "Acme after the merger", null, team, null, T0));

        assertThat(store.tenantForSlack(null, team)).contains(second);
        assertThat(store.slackActor(null, team, "UPAT")).contains(new GraphStore.KnownActor(second, Optional.empty()));
        assertThat(store.tenantForMicrosoft(microsoft)).contains(f.tenant);
    }

    /** An answer kept by this instance is not used once its tenant is gone: the next field's tenant, or none. */
    @Test
    void aKeptAnswerWhoseTenantIsGoneIsReadAgain() {
        TenantId grid = io.handoff.testing.TestRedis.uniqueTenant();
        store.saveTenant(new Tenant(f.tenant, "Workspace", null, team, null, T0));
        store.saveTenant(new Tenant(grid, "Grid", enterprise, null, null, T0));
        assertThat(store.tenantForSlack(enterprise, team)).contains(grid);
        assertThat(store.tenantForSlack(enterprise, team)).contains(grid);
        assertThat(store.tenantForSlack(null, team)).contains(f.tenant);

        f.redis.del(new GraphKeys(grid).tenant());
        assertThat(store.tenantForSlack(enterprise, team)).contains(f.tenant);

        f.redis.del(new GraphKeys(f.tenant).tenant());
        assertThat(store.tenantForSlack(enterprise, team)).isEmpty();
        assertThat(store.tenantForSlack(null, team)).isEmpty();
    }

    /** Every write to the index replaces its version token; the token is no workspace. */
    @Test
    void everyIndexWriteReplacesTheVersionTokenInTheSameHash() {
        store.saveTenant(new Tenant(f.tenant, "Acme Corp", null, team, null, T0));
        String before = f.redis.hget(GraphKeys.TENANT_INDEX, TenantIndexCopy.VERSION_FIELD);
        store.saveTenant(new Tenant(f.tenant, "Acme Corp", null, team, null, T0));
        String after = f.redis.hget(GraphKeys.TENANT_INDEX, TenantIndexCopy.VERSION_FIELD);

        assertThat(before).isNotBlank();
        assertThat(after).isNotBlank().isNotEqualTo(before);
        assertThat(store.tenantForSlack(null, TenantIndexCopy.VERSION_FIELD)).isEmpty();
        assertThat(store.tenantForMicrosoft(TenantIndexCopy.VERSION_FIELD)).isEmpty();
    }

    @Test
    void anIndexEntryWhoseTenantIsGoneFindsNothing() {
        String ghostTeam = "Tghost" + f.tenant.value();
        f.redis.hset(GraphKeys.TENANT_INDEX, "slack-team:" + ghostTeam, f.tenant.value());
        try {
            assertThat(store.tenantForSlack(null, ghostTeam)).isEmpty();
        } finally {
            f.redis.hdel(GraphKeys.TENANT_INDEX, "slack-team:" + ghostTeam);
        }
    }

    @Test
    void savingATenantTwiceChangesNothing() {
        Tenant acme = new Tenant(f.tenant, "Acme Corp", enterprise, team, microsoft, T0);
        store.saveTenant(acme);
        Map<String, Object> keys = f.snapshot();
        Map<String, String> index = indexEntriesOf(f.tenant);
        long tenantCount = store.tenants().size();

        store.saveTenant(acme);

        assertThat(f.snapshot()).isEqualTo(keys);
        assertThat(indexEntriesOf(f.tenant)).isEqualTo(index).isEqualTo(Map.of(
                "slack-enterprise:" + enterprise, f.tenant.value(), "microsoft:" + microsoft, f.tenant.value()));
        assertThat(store.tenants()).hasSize((int) tenantCount);
        assertThat(store.tenant(f.tenant)).contains(acme);
        assertThat(store.tenantForSlack(enterprise, team)).contains(f.tenant);
        assertThat(store.tenantForMicrosoft(microsoft)).contains(f.tenant);
    }

    @Test
    void theActorOfAChatRequestIsItsTenantAndThePersonWithItsIdentity() {
        store.saveTenant(new Tenant(f.tenant, "Both Platforms Ltd", null, team, microsoft, T0));
        Person pat = Person.of("pat", "Pat Okafor", null).withIdentity(Platform.SLACK, "U0PAT")
                .withIdentity(Platform.TEAMS, "aad-pat");
        store.savePerson(f.tenant, pat);

        assertThat(store.slackActor(null, team, "U0PAT"))
                .contains(new GraphStore.KnownActor(f.tenant, Optional.of(pat.id())));
        assertThat(store.slackActor("Eunknown" + f.tenant.value(), team, "U0PAT"))
                .contains(new GraphStore.KnownActor(f.tenant, Optional.of(pat.id())));
        assertThat(store.microsoftActor(microsoft, "aad-pat"))
                .contains(new GraphStore.KnownActor(f.tenant, Optional.of(pat.id())));
        assertThat(store.slackActor(null, team, "U0SOMEONE-NEW"))
                .contains(new GraphStore.KnownActor(f.tenant, Optional.empty()));
        assertThat(store.slackActor(null, team, "aad-pat")).as("another platform's id")
                .contains(new GraphStore.KnownActor(f.tenant, Optional.empty()));
        assertThat(store.microsoftActor(microsoft, null)).contains(new GraphStore.KnownActor(f.tenant, Optional.empty()));
        assertThat(store.slackActor(null, "Tnope" + f.tenant.value(), "U0PAT")).isEmpty();
        assertThat(store.slackActor(null, null, "U0PAT")).isEmpty();
        assertThat(store.microsoftActor(" ", "aad-pat")).isEmpty();
    }

    @Test
    void anActorsTenantIsFoundAsTenantForSlackFindsIt() {
        store.saveTenant(new Tenant(f.tenant, "Grid Org", enterprise, null, null, T0));
        store.savePerson(f.tenant, Person.of("pat", "Pat Okafor", null).withIdentity(Platform.SLACK, "U0PAT"));
        TenantId workspace = io.handoff.testing.TestRedis.uniqueTenant();
        String workspaceTeam = "T" + workspace.value();
        store.saveTenant(new Tenant(workspace, "A workspace", null, workspaceTeam, null, T0));
        String ghost = "Eghost" + f.tenant.value();
        f.redis.hset(GraphKeys.TENANT_INDEX, "slack-enterprise:" + ghost, io.handoff.testing.TestRedis.uniqueTenant()
                .value());
        try {
            // the org-wide install wins over a workspace's own
            assertThat(store.slackActor(enterprise, workspaceTeam, "U0PAT"))
                    .contains(new GraphStore.KnownActor(f.tenant, Optional.of(PersonId.of("pat"))));
            // an org whose tenant is gone: the workspace's, as tenantForSlack says
            assertThat(store.tenantForSlack(ghost, workspaceTeam)).contains(workspace);
            assertThat(store.slackActor(ghost, workspaceTeam, "U0PAT"))
                    .contains(new GraphStore.KnownActor(workspace, Optional.empty()));
            assertThat(store.slackActor(ghost, null, "U0PAT")).isEmpty();
        } finally {
            f.redis.hdel(GraphKeys.TENANT_INDEX, "slack-enterprise:" + ghost);
        }
    }

    @Test
    void hasPersonTellsWhetherThePersonIsThere() {
        store.savePerson(f.tenant, Person.of("pat", "Pat Okafor", null));

        assertThat(store.hasPerson(f.tenant, PersonId.of("pat"))).isTrue();
        assertThat(store.hasPerson(f.tenant, PersonId.of("dana"))).isFalse();
        store.deletePerson(f.tenant, PersonId.of("pat"));
        assertThat(store.hasPerson(f.tenant, PersonId.of("pat"))).isFalse();
    }
}
