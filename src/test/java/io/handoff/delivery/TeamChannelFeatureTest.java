package io.handoff.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.handoff.chat.Actor;
import io.handoff.chat.ChannelRef;
import io.handoff.chat.Interaction;
import io.handoff.chat.Place;
import io.handoff.chat.Reply;
import io.handoff.chat.port.ChannelAssignments;
import io.handoff.chat.port.PlatformAdmins;
import io.handoff.chat.port.TeamSync;
import io.handoff.conversation.Conversation;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;

/**
 * The core's {@code team-channel} command through the real conversation router and graph (Redis): it parses the
 * command the way each platform names channels, asks the platform whether the person is an admin, checks the team
 * against the graph and hands the channel to the platform's store. The platforms here are the ports as the core sees
 * them (what was stored, who is an admin); the Slack and Teams adapters behind them are tested end to end in
 * {@code SlackTeamChannelCommandTest}, {@code MsTeamsChannelsTest} and {@code TeamChannelOnBothPlatformsTest}.
 */
class TeamChannelFeatureTest {
    private final GraphStore graph = new RedisGraphStore(TestRedis.client());
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final Actor admin = new Actor(tenant, PersonId.of("ada"));
    private final Actor member = new Actor(tenant, PersonId.of("mo"));
    private final TeamId ops = TeamId.of("ops");
    private final Channels slack = new Channels(Platform.SLACK, ChannelAssignments.Naming.IN_THE_COMMAND);
    private final Channels teams = new Channels(Platform.TEAMS, ChannelAssignments.Naming.WHERE_SAID);
    private final ChannelRef teamsChannel = new ChannelRef(Platform.TEAMS, "{\"channelId\":\"19:ops@thread\"}");
    private Conversation bot;

    @BeforeEach
    void organisation() {
        graph.savePerson(tenant, Person.of("ada", "Ada Admin", null));
        graph.savePerson(tenant, Person.of("mo", "Mo Member", null));
        graph.saveTeam(tenant, Team.of("ops", "Operations"));
        graph.saveTeam(tenant, Team.of("night", "Night shift"));
        graph.saveTeam(tenant, Team.of("kickoff", "Kick off"));
        bot = new Conversation(graph, List.of(new TeamChannelFeature(graph, List.of(slack, teams),
                List.of(new Admins(Platform.SLACK, "workspace admins and owners"),
                        new Admins(Platform.TEAMS, "Handoff admins")),
                List.of(new Sync()))));
    }

    @Test
    void onSlackTheLastWordNamesTheChannelAndTheRestTheTeamByIdOrName() {
        assertThat(said(admin, Place.on(Platform.SLACK), "team-channel Night shift #C0NIGHT"))
                .contains("Night shift").contains("C0NIGHT").contains("Invite @Handoff");
        assertThat(said(admin, Place.on(Platform.SLACK), "team-channel OPS C0OPS"))
                .contains("Operations").contains("C0OPS");

        assertThat(slack.stored).containsEntry(TeamId.of("night"), new ChannelRef(Platform.SLACK, "C0NIGHT"))
                .containsEntry(ops, new ChannelRef(Platform.SLACK, "C0OPS"));
        assertThat(teams.stored).isEmpty();
    }

    @Test
    void onSlackAMissingOrUnreadableChannelIsExplainedAndNothingIsStored() {
        assertThat(said(admin, Place.on(Platform.SLACK), "team-channel ops")).startsWith("Usage: team-channel");
        assertThat(said(admin, Place.on(Platform.SLACK), "team-channel")).startsWith("Usage: team-channel");
        assertThat(said(admin, Place.on(Platform.SLACK), "team-channel ops #not-a-channel"))
                .startsWith("That is not a channel");

        assertThat(slack.stored).isEmpty();
    }

    @Test
    void someoneThePlatformDoesNotCallAnAdminIsRefusedWithWhoMay() {
        assertThat(said(member, Place.on(Platform.SLACK), "team-channel ops #C0OPS"))
                .isEqualTo("Only workspace admins and owners can set a team's channel.");
        assertThat(said(member, Place.in(teamsChannel), "team-channel ops"))
                .isEqualTo("Only Handoff admins can set a team's channel.");

        assertThat(slack.stored).isEmpty();
        assertThat(teams.stored).isEmpty();
    }

    @Test
    void anUnknownTeamIsNamedWithWhereTeamsComeFromOnThatPlatform() {
        assertThat(said(admin, Place.on(Platform.SLACK), "team-channel Day shift #C0DAY"))
                .isEqualTo("There is no team Day shift. Teams come from the roster import or the sync-teams command.");
        assertThat(said(admin, Place.in(teamsChannel), "team-channel Day shift"))
                .isEqualTo("There is no team Day shift. Teams come from the roster import.");
        assertThat(said(admin, Place.in(teamsChannel), "team-channel " + "x".repeat(200)))
                .contains("x".repeat(80) + "…").doesNotContain("x".repeat(81));

        assertThat(slack.stored).isEmpty();
        assertThat(teams.stored).isEmpty();
    }

    @Test
    void offRemovesTheTeamsChannelOnThatPlatformOnly() {
        said(admin, Place.on(Platform.SLACK), "team-channel ops #C0OPS");
        said(admin, Place.in(teamsChannel), "team-channel ops");

        assertThat(said(admin, Place.on(Platform.SLACK), "team-channel Operations off"))
                .isEqualTo("Team Operations has no channel any more.");

        assertThat(slack.stored).doesNotContainKey(ops);
        assertThat(teams.stored).containsEntry(ops, teamsChannel);
        assertThat(said(admin, Place.in(teamsChannel), "team-channel ops OFF"))
                .isEqualTo("Team Operations has no channel any more.");
        assertThat(teams.stored).isEmpty();
    }

    @Test
    void onTeamsTheChannelIsWhereItWasSaidAndATeamNamedOffIsStillFound() {
        assertThat(said(member, Place.on(Platform.TEAMS), "team-channel ops"))
                .as("in a personal chat: where to say it, before any admin check").isEqualTo("Say it in the team's channel");
        assertThat(said(admin, Place.in(teamsChannel), "team-channel")).startsWith("Say team-channel <team> in the channel");

        assertThat(said(admin, Place.in(teamsChannel), "team-channel Operations"))
                .isEqualTo("Team Operations now uses this channel.");
        assertThat(said(admin, Place.in(teamsChannel), "team-channel Kick off"))
                .isEqualTo("Team Kick off now uses this channel.");
        assertThat(teams.stored).containsEntry(ops, teamsChannel).containsEntry(TeamId.of("kickoff"), teamsChannel);

        assertThat(said(admin, Place.in(teamsChannel), "team-channel Kick off off"))
                .isEqualTo("Team Kick off has no channel any more.");
        assertThat(teams.stored).containsOnlyKeys(ops);
    }

    @Test
    void whereNoPlatformStoresChannelsItSaysSoPlainly() {
        assertThat(said(admin, Place.on(Platform.PLAYGROUND), "team-channel ops #C0OPS"))
                .isEqualTo("Team channels are set in Slack or in a Microsoft Teams channel, not here.");
        assertThat(said(admin, Place.UNKNOWN, "team-channel ops #C0OPS"))
                .isEqualTo("Team channels are set in Slack or in a Microsoft Teams channel, not here.");

        assertThat(slack.stored).isEmpty();
    }

    @Test
    void itsAnswerConcernsEveryoneWhereItWasSaidAndItIsListedInTheHelp() {
        assertThat(bot.answeredWhereSaid("team-channel ops")).isTrue();
        assertThat(bot.answeredWhereSaid("  TEAM-CHANNEL")).isTrue();
        assertThat(bot.answeredWhereSaid("customers")).isFalse();
        assertThat(bot.answeredWhereSaid("")).isFalse();

        assertThat(said(admin, Place.on(Platform.SLACK), "help")).isEqualTo("What I can do");
        assertThat(((Reply.Show) bot.handle(new Interaction.Command(admin, "help")).reply()).message().blocks()
                .toString()).contains("team-channel <team> #channel|off");
    }

    private String said(Actor actor, Place place, String text) {
        Reply reply = bot.handle(new Interaction.Command(actor, text, place)).reply();
        assertThat(reply).isInstanceOf(Reply.Show.class);
        return ((Reply.Show) reply).message().summary();
    }

    /** A platform's channel store: a typed word is a channel when it is an upper-case id, with or without '#'. */
    private static final class Channels implements ChannelAssignments {
        private final Platform platform;
        private final Naming naming;
        final Map<TeamId, ChannelRef> stored = new HashMap<>();

        Channels(Platform platform, Naming naming) {
            this.platform = platform;
            this.naming = naming;
        }

        @Override
        public Platform platform() {
            return platform;
        }

        @Override
        public Naming naming() {
            return naming;
        }

        @Override
        public Optional<ChannelRef> channel(String typed) {
            String id = typed.startsWith("#") ? typed.substring(1) : typed;
            return id.matches("C[A-Z0-9]+") ? Optional.of(new ChannelRef(platform, id)) : Optional.empty();
        }

        @Override
        public void assign(TenantId tenant, TeamId team, ChannelRef channel) {
            assertThat(channel.platform()).isEqualTo(platform);
            stored.put(team, channel);
        }

        @Override
        public void unassign(TenantId tenant, TeamId team) {
            stored.remove(team);
        }
    }

    /** Ada is the admin on every platform. */
    private record Admins(Platform platform, String who) implements PlatformAdmins {
        @Override
        public boolean isAdmin(TenantId tenant, PersonId person) {
            return Set.of("ada").contains(person.value());
        }
    }

    /** Slack can sync teams (only its presence matters here: the unknown-team hint). */
    private static final class Sync implements TeamSync {
        @Override
        public Platform platform() {
            return Platform.SLACK;
        }

        @Override
        public String source() {
            return "Slack user groups";
        }

        @Override
        public void start(TenantId tenant) {
            throw new AssertionError("team-channel never syncs teams");
        }
    }
}
