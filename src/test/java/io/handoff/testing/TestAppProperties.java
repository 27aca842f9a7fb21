package io.handoff.testing;

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
}
