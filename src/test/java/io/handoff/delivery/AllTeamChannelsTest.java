package io.handoff.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Message;
import io.handoff.chat.port.TeamChannels;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/** Every platform's team channels as one: configured when any is, a post on each configured one, once per key each. */
class AllTeamChannelsTest {
    private final UnifiedJedis redis = TestRedis.client();
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final TeamId ops = TeamId.of("ops");
    private final TeamId platform = TeamId.of("platform");
    private final TeamId night = TeamId.of("night");

    /** A platform's channels in Redis like the adapters': a hash of team → channel, a SET NX claim per key. */
    private final class PlatformChannels implements TeamChannels {
        private final String platformName;
        private final boolean refuses;
        final List<String> posted = new ArrayList<>();

        PlatformChannels(String platformName, boolean refuses, Set<TeamId> teams) {
            this.platformName = platformName;
            this.refuses = refuses;
            teams.forEach(team -> redis.hset(key(), team.value(), platformName + "-" + team.value()));
        }

        private String key() {
            return "handoff:{" + tenant.value() + "}:" + platformName + "-team-channels";
        }

        @Override
        public boolean configured(TenantId tenant, TeamId team) {
            return redis.hexists(key(), team.value());
        }

        @Override
        public void post(TenantId tenant, TeamId team, Message message, String idempotencyKey) {
            if (refuses) {
                throw new IllegalStateException(platformName + " is down");
            }
            String claim = "handoff:{" + tenant.value() + "}:" + platformName + "-post:" + idempotencyKey;
            if ("OK".equals(redis.set(claim, "1", SetParams.setParams().nx().ex(60)))) {
                posted.add(redis.hget(key(), team.value()) + ":" + message.summary());
            }
        }
    }

    @Test
    void aTeamWithChannelsOnBothPlatformsGetsThePostOnBothOnceEach() {
        PlatformChannels slack = new PlatformChannels("slack", false, Set.of(ops, platform));
        PlatformChannels teams = new PlatformChannels("teams", false, Set.of(ops, night));
        AllTeamChannels all = new AllTeamChannels(List.of(slack, teams));

        assertThat(all.configured(tenant, ops)).isTrue();
        assertThat(all.configured(tenant, platform)).isTrue();
        assertThat(all.configured(tenant, night)).isTrue();
        assertThat(all.configured(tenant, TeamId.of("nobody"))).isFalse();

        all.post(tenant, ops, Message.text("story"), "story-channel:s1");
        all.post(tenant, ops, Message.text("story"), "story-channel:s1");
        all.post(tenant, night, Message.text("digest"), "friction-digest:w47:night");

        assertThat(slack.posted).containsExactly("slack-ops:story");
        assertThat(teams.posted).containsExactly("teams-ops:story", "teams-night:digest");
    }

    @Test
    void onePlatformFailingDoesNotKeepTheOtherFromPosting() {
        PlatformChannels slack = new PlatformChannels("slack", true, Set.of(ops));
        PlatformChannels teams = new PlatformChannels("teams", false, Set.of(ops));

        new AllTeamChannels(List.of(slack, teams)).post(tenant, ops, Message.text("digest"), "d1");

        assertThat(teams.posted).containsExactly("teams-ops:digest");
    }

    @Test
    void withoutAnyPlatformNothingIsConfiguredAndAPostSaysSo() {
        AllTeamChannels none = new AllTeamChannels(List.of());
        PlatformChannels slack = new PlatformChannels("slack", false, Set.of(ops));
        AllTeamChannels nested = new AllTeamChannels(List.of(slack, new AllTeamChannels(List.of(slack))));

        assertThat(none.configured(tenant, ops)).isFalse();
        assertThatThrownBy(() -> none.post(tenant, ops, Message.text("x"), "k")).isInstanceOf(IllegalStateException.class);
        assertThat(nested.platforms()).isEqualTo(1);
        nested.post(tenant, ops, Message.text("once"), "k2");
        assertThat(slack.posted).containsExactly("slack-ops:once");
    }
}
