package io.handoff.msteams;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.graph.GraphStore;
import io.handoff.settings.TenantSettingsStore;
import io.handoff.testing.AroundTheClock;
import io.handoff.testing.TestRedis;

/**
 * The whole app on a random port with Teams configured against {@link BotFrameworkFake} and the real Redis test
 * server. Each subclass starts the same configuration afresh (and it is closed after the class, see
 * {@link io.handoff.testing.CloseApplicationContextAfterEachClass}). Each test gets its own Microsoft 365 tenant, where
 * Handoff may message people at any hour ({@link io.handoff.testing.AroundTheClock}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class MsTeamsAppTest {
    /** A Microsoft 365 organisation whose Handoff admin is Ada (HANDOFF_MAP_ADMINS), for the admins' commands. */
    static final String ADMINS_MICROSOFT_TENANT = "7eac4a11-0000-4000-8000-00000000ad01";
    static final String ADMIN_EMAIL = "ada@contoso.example";
    protected final BotFrameworkFake fake = BotFrameworkFake.instance();
    protected String microsoftTenant;
    protected MsTeamsTestClient client;

    @Autowired
    protected GraphStore graph;

    @Autowired
    protected TenantSettingsStore settings;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("handoff.redis.url", () -> TestRedis.uri().toString());
        registry.add("handoff.admin-token", () -> "test-admin-token-0123456789");
        registry.add("handoff.demo.mode", () -> "never");
        registry.add("handoff.maps.admins", () -> "m365-" + ADMINS_MICROSOFT_TENANT + "=" + ADMIN_EMAIL);
        BotFrameworkFake.register(registry);
    }

    @BeforeEach
    void freshTenant() {
        fake.reset();
        microsoftTenant = UUID.randomUUID().toString();
        // messages go out whatever the hour the build runs at
        AroundTheClock.workAroundTheClock(settings, MsTeamsPeople.newTenantId(microsoftTenant));
        AroundTheClock.workAroundTheClock(settings, MsTeamsPeople.newTenantId(ADMINS_MICROSOFT_TENANT));
        client = new MsTeamsTestClient(fake, port);
    }

    protected BotFrameworkFake.TeamsUser user(String name, String email) {
        String first = name.split(" ")[0].toLowerCase(java.util.Locale.ROOT);
        BotFrameworkFake.TeamsUser user = new BotFrameworkFake.TeamsUser("29:user-" + first,
                UUID.randomUUID().toString(), name, email, microsoftTenant);
        fake.member(user.personalConversation(), user);
        return user;
    }
}
