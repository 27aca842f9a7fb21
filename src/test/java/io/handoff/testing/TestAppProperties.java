package io.handoff.testing;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/** What a {@code @SpringBootTest} of the whole application puts in its {@code @DynamicPropertySource}. */
public final class TestAppProperties {
    /** The admin API token the wiring tests start the application with. */
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    private TestAppProperties() {
    }

    /** The application on the real test Redis ({@link TestRedis}), without the demo tenant. */
    public static void onTestRedis(DynamicPropertyRegistry registry) {
        registry.add("handoff.redis.url", () -> TestRedis.uri().toString());
        registry.add("handoff.demo.mode", () -> "never");
    }

    /** {@link #onTestRedis} with the admin API token {@link #ADMIN_TOKEN}. */
    public static void onTestRedisWithAdminToken(DynamicPropertyRegistry registry) {
        onTestRedis(registry);
        registry.add("handoff.admin-token", () -> ADMIN_TOKEN);
    }

    /**
     * Teams on (so its routes exist) with every Microsoft address pointing at a closed loopback port: for tests that
     * look at the HTTP surface and never talk to Teams.
     */
    public static void teamsPointingNowhere(DynamicPropertyRegistry registry) {
        String nowhere = "http://127.0.0.1:9";
        registry.add("handoff.teams.app-id", () -> UUID.randomUUID().toString());
        registry.add("handoff.teams.app-password", () -> "not-used-here");
        registry.add("handoff.teams.open-id-metadata-url", () -> nowhere + "/openid");
        registry.add("handoff.teams.oauth-token-url", () -> nowhere + "/token");
        registry.add("handoff.teams.graph-url", () -> nowhere);
        registry.add("handoff.teams.login-url", () -> nowhere);
        registry.add("handoff.teams.default-service-url", () -> nowhere + "/teams/");
    }
}
