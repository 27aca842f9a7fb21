package io.handoff.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Message;
import io.handoff.chat.port.PlatformSender;
import io.handoff.graph.Person;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;

/** The platforms' limits as Redis token buckets, and which platform reaches a person. */
class RateLimitsAndPlatformTest {
    private final TenantId tenant = TestRedis.uniqueTenant();

    @Test
    void thePlatformsPublishedLimitsAreTheDefaults() {
        Map<Platform, RateLimits.PlatformLimits> defaults = RateLimits.platformDefaults();

        assertThat(defaults.get(Platform.TEAMS).perConversation()).containsExactly(
                RateLimits.Limit.of(7, Duration.ofSeconds(1)), RateLimits.Limit.of(60, Duration.ofSeconds(30)),
                RateLimits.Limit.of(1800, Duration.ofHours(1)));
        assertThat(defaults.get(Platform.TEAMS).perTenant()).containsExactly(RateLimits.Limit.of(50, Duration.ofSeconds(1)));
        assertThat(defaults.get(Platform.SLACK).perConversation()).containsExactly(new RateLimits.Limit(3, 1, Duration.ofSeconds(1)));
        assertThat(defaults.get(Platform.SLACK).perTenant()).containsExactly(RateLimits.Limit.of(300, Duration.ofMinutes(1)));
    }

    @Test
    void eachConversationHasItsOwnBucketAndTheTenantOneCoversThemAll() {
        // Slow refills (minutes), so the test does not depend on how fast this machine is.
        RateLimits limits = new RateLimits(TestRedis.client(), Map.of(Platform.TEAMS, new RateLimits.PlatformLimits(
                List.of(RateLimits.Limit.of(7, Duration.ofMinutes(10))),
                List.of(RateLimits.Limit.of(9, Duration.ofMinutes(10))))), Duration.ZERO);

        List<Optional<Duration>> pat = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pat.add(limits.acquire(tenant, Platform.TEAMS, "pat"));
        }
        Optional<Duration> dana1 = limits.acquire(tenant, Platform.TEAMS, "dana");
        Optional<Duration> dana2 = limits.acquire(tenant, Platform.TEAMS, "dana");
        Optional<Duration> dana3 = limits.acquire(tenant, Platform.TEAMS, "dana");
        Optional<Duration> slack = limits.acquire(tenant, Platform.SLACK, "pat");

        assertThat(pat.subList(0, 7)).allSatisfy(wait -> assertThat(wait).isEmpty());
        assertThat(pat.get(7)).hasValueSatisfying(wait -> assertThat(wait)
                .isGreaterThan(Duration.ofSeconds(60)).isLessThanOrEqualTo(Duration.ofSeconds(86)));
        assertThat(dana1).as("another conversation has its own bucket").isEmpty();
        assertThat(dana2).isEmpty();
        assertThat(dana3).as("the tenant's 9 are used up").isPresent();
        assertThat(slack).as("no Slack limits configured here").isEmpty();
        assertThat(TestRedis.keysOf(tenant)).contains("handoff:{" + tenant.value() + "}:rate:teams:pat",
                "handoff:{" + tenant.value() + "}:rate:teams");
    }

    @Test
    void aTokenTheTenantRefusesIsNotTakenFromTheConversation() throws InterruptedException {
        // the conversation allows one send in ten minutes, the tenant one per 300 ms
        RateLimits limits = new RateLimits(TestRedis.client(), Map.of(Platform.SLACK, new RateLimits.PlatformLimits(
                List.of(RateLimits.Limit.of(1, Duration.ofMinutes(10))),
                List.of(RateLimits.Limit.of(1, Duration.ofMillis(300))))), Duration.ZERO);

        assertThat(limits.acquire(tenant, Platform.SLACK, "pat")).isEmpty();
        Optional<Duration> refused = limits.acquire(tenant, Platform.SLACK, "dana");
        assertThat(refused).as("the tenant's token is used up").hasValueSatisfying(wait -> assertThat(wait)
                .isLessThanOrEqualTo(Duration.ofMillis(300)));
        Thread.sleep(refused.orElseThrow().toMillis() + 50);

        assertThat(limits.acquire(tenant, Platform.SLACK, "dana"))
                .as("Dana's conversation kept its token when the tenant refused").isEmpty();
    }

    @Test
    void replicasTakingTokensAtOnceNeverTogetherExceedTheLimit() throws Exception {
        // two replicas with eight threads each race for a tenant's 25 tokens
        RateLimits.PlatformLimits teams = new RateLimits.PlatformLimits(List.of(),
                List.of(RateLimits.Limit.of(25, Duration.ofMinutes(10))));
        List<RateLimits> replicas = List.of(
                new RateLimits(TestRedis.client(), Map.of(Platform.TEAMS, teams), Duration.ZERO),
                new RateLimits(TestRedis.client(), Map.of(Platform.TEAMS, teams), Duration.ZERO));
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> taken = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                RateLimits replica = replicas.get(i % 2);
                int person = i;
                taken.add(threads.submit(() -> {
                    int sends = 0;
                    for (int attempt = 0; attempt < 10; attempt++) {
                        sends += replica.acquire(tenant, Platform.TEAMS, "p" + person).isEmpty() ? 1 : 0;
                    }
                    return sends;
                }));
            }
            int total = 0;
            for (Future<Integer> sends : taken) {
                total += sends.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).as("160 attempts across two replicas, 25 tokens").isEqualTo(25);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aShortWaitIsWaitedOutInPlace() {
        RateLimits limits = new RateLimits(TestRedis.client(), Map.of(Platform.SLACK, new RateLimits.PlatformLimits(
                List.of(RateLimits.Limit.of(1, Duration.ofMillis(200))), List.of())), Duration.ofSeconds(1));

        long started = System.nanoTime();
        assertThat(limits.acquire(tenant, Platform.SLACK, "pat")).isEmpty();
        assertThat(limits.acquire(tenant, Platform.SLACK, "pat")).isEmpty();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(tookMillis).isGreaterThanOrEqualTo(150);
    }

    @Test
    void choosesThePreferredPlatformElseTheLastUsedElseAnyThatReaches() {
        PlatformPreference preference = new PlatformPreference(TestRedis.client());
        Person pat = Person.of("pat", "Pat", null);
        List<PlatformSender> senders = List.of(sender(Platform.SLACK, true), sender(Platform.TEAMS, true));
        List<PlatformSender> teamsCannotReach = List.of(sender(Platform.SLACK, true), sender(Platform.TEAMS, false));

        Platform byDefault = preference.choose(tenant, pat, senders).orElseThrow().platform();
        preference.touched(tenant, pat.id(), Platform.TEAMS);
        Platform lastUsed = preference.choose(tenant, pat, senders).orElseThrow().platform();
        Platform lastUsedUnreachable = preference.choose(tenant, pat, teamsCannotReach).orElseThrow().platform();
        preference.prefer(tenant, pat.id(), Optional.of(Platform.SLACK));
        Platform preferred = preference.choose(tenant, pat, senders).orElseThrow().platform();
        preference.forget(tenant, pat.id());

        assertThat(byDefault).isEqualTo(Platform.SLACK);
        assertThat(lastUsed).isEqualTo(Platform.TEAMS);
        assertThat(lastUsedUnreachable).isEqualTo(Platform.SLACK);
        assertThat(preferred).isEqualTo(Platform.SLACK);
        assertThat(TestRedis.client().hlen(PlatformPreference.key(tenant))).isZero();
        assertThat(preference.choose(tenant, pat, List.of(sender(Platform.TEAMS, false)))).isEmpty();
    }

    private static PlatformSender sender(Platform platform, boolean reaches) {
        return new PlatformSender() {
            @Override
            public Platform platform() {
                return platform;
            }

            @Override
            public boolean canReach(TenantId tenant, Person recipient) {
                return reaches;
            }

            @Override
            public void send(TenantId tenant, Person recipient, Message message) {
                throw new UnsupportedOperationException("not sent in this test");
            }
        };
    }
}
