package io.handoff.slack;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.Slack;

import io.handoff.chat.Message;
import io.handoff.chat.port.TeamChannels;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.redis.ClaimOnce;
import redis.clients.jedis.UnifiedJedis;

/**
 * Team channels on Slack: {@code handoff:{tenant}:team-channels} maps a team id to a Slack channel id, set by a
 * workspace admin with {@code /handoff team-channel <team> #channel}. A post is {@code chat.postMessage} with the
 * Block Kit rendering (text escaped like every Slack message); each idempotency key is claimed in
 * {@code handoff:{tenant}:team-channel-post:<key>} (SET NX, {@link #KEEP_CLAIM}) so a retried digest or story posts
 * once. A post never breaks the flow that triggered it: a rate limit or refusal is logged and the claim released,
 * so a later retry of the caller can post.
 */
final class SlackTeamChannels implements TeamChannels {
    private static final Logger log = LoggerFactory.getLogger(SlackTeamChannels.class);
    static final Duration KEEP_CLAIM = Duration.ofDays(30);
    /** A channel id as typed, or as Slack writes a channel reference: {@code <#C0123|name>}. */
    private static final Pattern CHANNEL = Pattern.compile("^(?:<#)?([CG][A-Z0-9]{6,20})(?:\\|[^>]*)?>?$");

    private final GraphStore graph;
    private final Slack slack;
    private final SlackWorkspaces workspaces;
    private final UnifiedJedis redis;
    private final ClaimOnce claims;
    private final Executor sending;

    /**
     * {@code sending} runs the Slack call: a story is shared from a button press that Slack wants acknowledged
     * within 3 seconds, so the post happens after the claim, off the request thread.
     */
    SlackTeamChannels(GraphStore graph, Slack slack, SlackWorkspaces workspaces, UnifiedJedis redis,
                      Executor sending) {
        this.graph = graph;
        this.slack = slack;
        this.workspaces = workspaces;
        this.redis = redis;
        this.claims = new ClaimOnce(redis);
        this.sending = sending;
    }

    /** The Slack channel id in a reference typed by an admin ({@code C0123ABCD} or {@code <#C0123ABCD|name>}). */
    static Optional<String> channelId(String reference) {
        Matcher matcher = CHANNEL.matcher(reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT));
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * {@code /handoff team-channel <team> <#channel|channel id|off>} (the caller checked the admin): the answer to
     * show. The team is its id or its name; Handoff must be invited to the channel to post there.
     */
    String configure(TenantId tenant, String arguments) {
        String trimmed = arguments.strip();
        int split = trimmed.lastIndexOf(' ');
        if (split <= 0) {
            return "Usage: /handoff team-channel <team> #channel (or off).";
        }
        String[] words = {trimmed.substring(0, split).strip(), trimmed.substring(split + 1)};
        Optional<Team> team = graph.teamMap(tenant).teams().values().stream()
                .filter(t -> t.id().value().equalsIgnoreCase(words[0]) || t.name().equalsIgnoreCase(words[0]))
                .findFirst();
        if (team.isEmpty()) {
            return "There is no team " + SlackText.truncate(words[0], 80) + ". Teams come from the roster import or "
                    + "/handoff sync-teams.";
        }
        if (words[1].equalsIgnoreCase("off")) {
            unassign(tenant, team.get().id());
            return "Team " + team.get().name() + " has no channel any more.";
        }
        Optional<String> channel = channelId(words[1]);
        if (channel.isEmpty()) {
            return "That is not a channel: mention it (#channel) or give its id (C0123ABCD).";
        }
        assign(tenant, team.get().id(), channel.get());
        return "Stories shared with team " + team.get().name() + " and its friction digests now go to channel "
                + channel.get() + ". Invite @Handoff to that channel if it is not there yet.";
    }

    void assign(TenantId tenant, TeamId team, String channelId) {
        redis.hset(key(tenant), team.value(), channelId);
    }

    void unassign(TenantId tenant, TeamId team) {
        redis.hdel(key(tenant), team.value());
    }

    Optional<String> channel(TenantId tenant, TeamId team) {
        return Optional.ofNullable(redis.hget(key(tenant), team.value()));
    }

    @Override
    public boolean configured(TenantId tenant, TeamId team) {
        return channel(tenant, team).isPresent() && workspaces.botToken(tenant).isPresent();
    }

    @Override
    public void post(TenantId tenant, TeamId team, Message message, String idempotencyKey) {
        Optional<String> channel = channel(tenant, team);
        Optional<String> token = workspaces.botToken(tenant);
        if (channel.isEmpty() || token.isEmpty()) {
            throw new IllegalStateException("no Slack channel is configured for team " + team + " of " + tenant);
        }
        String claim = TenantKeys.key(tenant, "team-channel-post:" + idempotencyKey);
        Optional<ClaimOnce.Claim> claimed = claims.claim(claim, channel.get(), KEEP_CLAIM);
        if (claimed.isEmpty()) {
            log.info("Team channel post {} of tenant {} was already made", idempotencyKey, tenant);
            return;
        }
        sending.execute(() -> send(tenant, team, channel.get(), token.get(), message, idempotencyKey, claimed.get()));
    }

    private void send(TenantId tenant, TeamId team, String channel, String token, Message message,
                      String idempotencyKey, ClaimOnce.Claim claim) {
        try {
            SlackMessenger.postToChannel(slack.methods(token), channel, message, SlackMessenger.RateLimits.REPORT);
            log.info("Posted {} to the channel of team {} in tenant {}", idempotencyKey, team, tenant);
        } catch (SlackApi.SlackCallFailed failure) {
            claims.release(claim);
            log.warn("Posting {} to channel {} of team {} in tenant {} failed: {}{}", idempotencyKey, channel,
                    team, tenant, failure.error(),
                    "not_in_channel".equals(failure.error()) ? " (invite @Handoff to the channel)" : "");
        }
    }

    private static String key(TenantId tenant) {
        return TenantKeys.key(tenant, "team-channels");
    }
}
