package io.handoff.delivery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Actor;
import io.handoff.chat.ChannelRef;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.port.ChannelAssignments;
import io.handoff.chat.port.PlatformAdmins;
import io.handoff.chat.port.TeamSync;
import io.handoff.conversation.ConversationFeature;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Platform;
import io.handoff.graph.Team;

/**
 * The admins' {@code team-channel} command, the same on every platform: it makes a channel the one where stories
 * shared with a team and the team's friction digests are posted ({@link AllTeamChannels}). Where the channel comes
 * from is the platform's ({@link ChannelAssignments.Naming}): on Slack {@code team-channel <team> <#channel|id|off>}
 * names it, on Teams {@code team-channel <team>} (or {@code … off}) is said in the channel itself. The team is its id
 * or its name; only the platform's admins may ({@link PlatformAdmins}); the adapter stores the channel. On a platform
 * without team channels (the playground) it says so.
 */
public final class TeamChannelFeature implements ConversationFeature {
    static final String WORD = "team-channel";
    private static final String OFF = "off";
    private static final int SHOWN_NAME = 80;
    private static final Logger log = LoggerFactory.getLogger(TeamChannelFeature.class);

    private final GraphStore graph;
    private final Map<Platform, ChannelAssignments> assignments;
    private final Map<Platform, PlatformAdmins> admins;
    private final Map<Platform, TeamSync> syncs;

    public TeamChannelFeature(GraphStore graph, List<ChannelAssignments> assignments, List<PlatformAdmins> admins,
                              List<TeamSync> syncs) {
        this.graph = graph;
        this.assignments = byPlatform(assignments, ChannelAssignments::platform);
        this.admins = byPlatform(admins, PlatformAdmins::platform);
        this.syncs = byPlatform(syncs, TeamSync::platform);
    }

    static <T> Map<Platform, T> byPlatform(List<T> ports, Function<T, Platform> platform) {
        return ports.stream().collect(Collectors.toUnmodifiableMap(platform, Function.identity(), (a, b) -> {
            throw new IllegalStateException("two adapters claim one platform: " + a + " and " + b);
        }));
    }

    @Override
    public String prefix() {
        return "channels.";
    }

    @Override
    public List<CommandHelp> commands() {
        return List.of(new CommandHelp(WORD, "team-channel <team> #channel|off",
                "for admins: the channel where stories shared with a team and its friction digests are posted"));
    }

    @Override
    public boolean answeredWhereSaid(String word) {
        return true; // on Teams the answer stays in the channel: it concerns everyone there
    }

    @Override
    public Outcome onCommand(Interaction.Command command, String word, String args) {
        Optional<Platform> platform = command.place().platform();
        ChannelAssignments channels = platform.map(assignments::get).orElse(null);
        if (channels == null) {
            return Outcome.show(Message.text("Team channels are set in Slack or in a Microsoft Teams channel, "
                    + "not here."));
        }
        boolean whereSaid = channels.naming() == ChannelAssignments.Naming.WHERE_SAID;
        if (whereSaid && command.place().channel().isEmpty()) {
            return Outcome.show(sayItInTheChannel());
        }
        Actor actor = command.actor();
        PlatformAdmins platformAdmins = admins.get(platform.get());
        if (platformAdmins == null || !platformAdmins.isAdmin(actor.tenant(), actor.person())) {
            String who = platformAdmins == null ? "admins" : platformAdmins.who();
            return Outcome.show(Message.text("Only " + who + " can set a team's channel."));
        }
        return whereSaid ? inThisChannel(actor, channels, command.place().channel().get(), args)
                : named(actor, channels, args);
    }

    /** {@code team-channel <team> <channel|off>}: the last word names the channel. */
    private Outcome named(Actor actor, ChannelAssignments channels, String args) {
        String[] words = args.strip().split("\\s+(?=\\S+$)", 2);
        if (words.length < 2) {
            return Outcome.show(Message.text("Usage: " + WORD + " <team> #channel (or " + OFF + ")."));
        }
        Optional<Team> team = team(actor, words[0]);
        if (team.isEmpty()) {
            return Outcome.show(noSuchTeam(channels.platform(), words[0]));
        }
        if (words[1].equalsIgnoreCase(OFF)) {
            return Outcome.show(off(actor, channels, team.get()));
        }
        Optional<ChannelRef> channel = channels.channel(words[1]);
        if (channel.isEmpty()) {
            return Outcome.show(Message.text("That is not a channel: mention it (#channel) or give its id."));
        }
        assign(actor, channels, team.get(), channel.get());
        String summary = "Stories shared with team " + team.get().name() + " and its friction digests now go to "
                + "channel " + channel.get().id() + ". Invite @Handoff to that channel if it is not there yet.";
        return Outcome.show(new Message(summary, List.of(Paragraph.builder().plain("Stories shared with team ")
                .strong(team.get().name()).plain(" and its friction digests now go to channel ")
                .plain(channel.get().id()).plain(". Invite @Handoff to that channel if it is not there yet.")
                .build())));
    }

    /** {@code team-channel <team> [off]} said in the channel: a team whose name ends in "off" is still found. */
    private Outcome inThisChannel(Actor actor, ChannelAssignments channels, ChannelRef here, String args) {
        String text = args.strip();
        if (text.isEmpty()) {
            return Outcome.show(Message.text("Say " + WORD + " <team> in the channel that team should use (or "
                    + WORD + " <team> " + OFF + " to stop)."));
        }
        String[] words = text.split("\\s+(?=\\S+$)", 2);
        boolean off = words.length == 2 && words[1].equalsIgnoreCase(OFF);
        String name = off ? words[0] : text;
        Optional<Team> team = team(actor, name);
        if (team.isEmpty() && off) {
            off = false;
            team = team(actor, text);
        }
        if (team.isEmpty()) {
            return Outcome.show(noSuchTeam(channels.platform(), name));
        }
        if (off) {
            return Outcome.show(off(actor, channels, team.get()));
        }
        assign(actor, channels, team.get(), here);
        return Outcome.show(new Message("Team " + team.get().name() + " now uses this channel.", List.of(
                Paragraph.builder().plain("Stories shared with team ").strong(team.get().name())
                        .plain(" and its friction digests now go to this channel.").build())));
    }

    private void assign(Actor actor, ChannelAssignments channels, Team team, ChannelRef channel) {
        channels.assign(actor.tenant(), team.id(), channel);
        log.info("admin {} of tenant {} set the {} channel of team {}", actor.person(), actor.tenant(),
                channels.platform().code(), team.id());
    }

    private Message off(Actor actor, ChannelAssignments channels, Team team) {
        channels.unassign(actor.tenant(), team.id());
        log.info("admin {} of tenant {} removed the {} channel of team {}", actor.person(), actor.tenant(),
                channels.platform().code(), team.id());
        return new Message("Team " + team.name() + " has no channel any more.", List.of(Paragraph.builder()
                .plain("Team ").strong(team.name()).plain(" has no channel any more.").build()));
    }

    private Optional<Team> team(Actor actor, String name) {
        return graph.teamMap(actor.tenant()).teams().values().stream()
                .filter(t -> t.id().value().equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name))
                .findFirst();
    }

    private Message noSuchTeam(Platform platform, String name) {
        String shown = name.length() > SHOWN_NAME ? name.substring(0, SHOWN_NAME) + "…" : name;
        return Message.text("There is no team " + shown + ". Teams come from the roster import"
                + (syncs.containsKey(platform) ? " or the sync-teams command." : "."));
    }

    private static Message sayItInTheChannel() {
        return new Message("Say it in the team's channel", List.of(Paragraph.builder()
                .plain("Say ").strong("@Handoff " + WORD + " <team>").plain(" in the channel that team should "
                        + "use, in a team where Handoff is installed: Handoff then posts the stories shared "
                        + "with that team and its friction digests there.").build()));
    }
}
