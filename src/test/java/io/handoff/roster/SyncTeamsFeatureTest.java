package io.handoff.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.handoff.chat.Actor;
import io.handoff.chat.Interaction;
import io.handoff.chat.Place;
import io.handoff.chat.Reply;
import io.handoff.chat.port.PlatformAdmins;
import io.handoff.chat.port.TeamSync;
import io.handoff.conversation.Conversation;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;

/**
 * The core's {@code sync-teams} command through the real conversation router and graph (Redis): only the platform's
 * admins start the platform's sync, and a platform without groups to sync from says where teams come from. The Slack
 * sync behind the port (user groups over the Web API) is tested end to end in {@code SlackTeamChannelCommandTest}.
 */
class SyncTeamsFeatureTest {
    private final GraphStore graph = new RedisGraphStore(TestRedis.client());
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final Actor admin = new Actor(tenant, PersonId.of("ada"));
    private final Actor member = new Actor(tenant, PersonId.of("mo"));
    private final List<TenantId> started = new ArrayList<>();
    private Conversation bot;

    @BeforeEach
    void organisation() {
        graph.savePerson(tenant, Person.of("ada", "Ada Admin", null));
        graph.savePerson(tenant, Person.of("mo", "Mo Member", null));
        TeamSync slackGroups = new TeamSync() {
            @Override
            public Platform platform() {
                return Platform.SLACK;
            }

            @Override
            public String source() {
                return "Slack user groups";
            }

            @Override
            public void start(TenantId of) {
                started.add(of);
            }
        };
        PlatformAdmins slackAdmins = new PlatformAdmins() {
            @Override
            public Platform platform() {
                return Platform.SLACK;
            }

            @Override
            public boolean isAdmin(TenantId of, PersonId person) {
                return person.equals(admin.person());
            }

            @Override
            public String who() {
                return "workspace admins and owners";
            }
        };
        bot = new Conversation(graph, List.of(new SyncTeamsFeature(List.of(slackGroups), List.of(slackAdmins))));
    }

    @Test
    void anAdminStartsThePlatformsSync() {
        assertThat(said(admin, Place.on(Platform.SLACK), "sync-teams"))
                .isEqualTo("Syncing teams from your Slack user groups now.");
        assertThat(said(admin, Place.on(Platform.SLACK), "/SYNC-TEAMS"))
                .isEqualTo("Syncing teams from your Slack user groups now.");

        assertThat(started).containsExactly(tenant, tenant);
    }

    @Test
    void anyoneElseIsRefusedAndNothingStarts() {
        assertThat(said(member, Place.on(Platform.SLACK), "sync-teams"))
                .isEqualTo("Only workspace admins and owners can sync teams from Slack user groups.");

        assertThat(started).isEmpty();
    }

    @Test
    void onAPlatformWithoutGroupsItSaysWhereTeamsComeFrom() {
        for (Place place : List.of(Place.on(Platform.TEAMS), Place.on(Platform.PLAYGROUND), Place.UNKNOWN)) {
            assertThat(said(admin, place, "sync-teams"))
                    .isEqualTo("Syncing teams is not available here: teams come from the roster import.");
        }

        assertThat(started).isEmpty();
    }

    private String said(Actor actor, Place place, String text) {
        Reply reply = bot.handle(new Interaction.Command(actor, text, place)).reply();
        assertThat(reply).isInstanceOf(Reply.Show.class);
        return ((Reply.Show) reply).message().summary();
    }
}
