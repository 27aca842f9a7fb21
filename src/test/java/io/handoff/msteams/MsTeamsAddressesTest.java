package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.testing.CountingRedisClient;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.UnifiedJedis;

class MsTeamsAddressesTest {
    private final UnifiedJedis redis = TestRedis.client();
    private final MsTeamsAddresses addresses = new MsTeamsAddresses(redis);
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final PersonId dana = PersonId.of("dana");

    @Test
    void anActivityOfAKnownPersonCostsOneRedisCommandWhenNothingChanged() {
        addresses.remember(tenant, dana, "https://smba.example/emea/", "29:dana");

        try (CountingRedisClient counted = CountingRedisClient.create()) {
            new MsTeamsAddresses(counted).remember(tenant, dana, "https://smba.example/emea/", "29:dana");

            assertThat(counted.sent()).containsExactly("MGET");
        }
    }

    @Test
    void onlyWhatChangedIsWritten() {
        addresses.remember(tenant, dana, "https://smba.example/emea/", "29:dana");

        try (CountingRedisClient counted = CountingRedisClient.create()) {
            new MsTeamsAddresses(counted).remember(tenant, dana, "https://smba.example/amer/", "29:dana");

            assertThat(counted.sent()).containsExactly("MGET", "SET");
        }
        assertThat(addresses.serviceUrl(tenant)).contains("https://smba.example/amer/");
    }

    @Test
    void writesWhatChangedAndIgnoresWhatIsNotAUserId() {
        addresses.remember(tenant, dana, "https://smba.example/emea/", "29:dana");
        addresses.remember(tenant, dana, "https://smba.example/amer/", "28:a-bot");

        assertThat(addresses.serviceUrl(tenant)).contains("https://smba.example/amer/");
        assertThat(addresses.userId(tenant, dana)).contains("29:dana");

        addresses.remember(tenant, dana, " ", "29:dana-again");

        assertThat(addresses.serviceUrl(tenant)).contains("https://smba.example/amer/");
        assertThat(addresses.userId(tenant, dana)).contains("29:dana-again");
    }
}
