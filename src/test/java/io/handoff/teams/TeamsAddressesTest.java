package io.handoff.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.SafeEncoder;

class TeamsAddressesTest {
    private final UnifiedJedis redis = TestRedis.client();
    private final TeamsAddresses addresses = new TeamsAddresses(redis);
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final PersonId dana = PersonId.of("dana");

    @Test
    void anActivityOfAKnownPersonCostsOneRedisCommandWhenNothingChanged() {
        addresses.remember(tenant, dana, "https://smba.example/emea/", "29:dana");
        redis.sendCommand(Protocol.Command.CONFIG, "RESETSTAT");

        addresses.remember(tenant, dana, "https://smba.example/emea/", "29:dana");

        String stats = SafeEncoder.encode((byte[]) redis.sendCommand(Protocol.Command.INFO, "commandstats"));
        long calls = stats.lines().filter(line -> line.startsWith("cmdstat_"))
                .filter(line -> !line.startsWith("cmdstat_config") && !line.startsWith("cmdstat_info"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("^[^:]*:calls=(\\d+),.*$", "$1"))).sum();
        assertThat(calls).as(stats).isEqualTo(1);
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
