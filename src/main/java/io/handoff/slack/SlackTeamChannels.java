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

import io.handoff.chat.ChannelRef;
import io.handoff.chat.Message;
import io.handoff.chat.port.ChannelAssignments;
import io.handoff.chat.port.TeamChannels;
import io.handoff.graph.Platform;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.redis.ClaimOnce;
import redis.clients.jedis.UnifiedJedis;

/**
 * Team channels on Slack: {@code handoff:{tenant}:team-channels} maps a team id to a Slack channel id, set by a
 * workspace admin with {@code /handoff team-channel <team> #channel} (the core's {@code team-channel} command; this
 * adapter reads the channel ids and stores them). A post is {@code chat.postMessage} with the
 * Block Kit rendering (text escaped like every Slack message); each idempotency key is claimed in
 * {@code handoff:{tenant}:team-channel-post:<key>} (SET NX, {@link #KEEP_CLAIM}) so a retried digest or story posts
 * once. A post never breaks the flow that triggered it: a rate limit or refusal is logged and the claim released,
 * so a later retry of the caller can post.
 */
final class SlackTeamChannels implements TeamChannels, ChannelAssignments {
    private static final Logger log = LoggerFactory.getLogger(SlackTeamChannels.class);
    static final Duration KEEP_CLAIM = Duration.ofDays(30);
    /** A channel id as typed, after a mention was translated ({@code #C0123}), or as Slack writes one. */
    private static final Pattern CHANNEL = Pattern.compile("^(?:<#|#)?([CG][A-Z0-9]{6,20})(?:\\|[^>]*)?>?$");
    /** A channel mention as Slack sends it in a command's text: {@code <#C0123|name>} or {@code <#C0123>}. */
    private static final Pattern MENTION = Pattern.compile("<#([CG][A-Z0-9]{6,20})(?:\\|[^>]*)?>");

    private final Slack slack;
    private final SlackWorkspaces workspaces;
    private final UnifiedJedis redis;
    private final ClaimOnce claims;
    private final Executor sending;

    /**
     * {@code sending} runs the Slack call: a story is shared from a button press that Slack wants acknowledged
     * within 3 seconds, so the post happens after the claim, off the request thread.
     */
    SlackTeamChannels(Slack slack, SlackWorkspaces workspaces, UnifiedJedis redis,
                      Executor sending) {
        this.slack = slack;
        this.workspaces = workspaces;
        this.redis = redis;
        this.claims = new ClaimOnce(redis);
        this.sending = sending;
    }

    /**
     * A command's text with Slack's channel mentions ({@code <#C0123|name>}, {@code <#C0123>}) turned into
     * {@code #C0123}, so the core reads no Slack syntax.
     */
    static String mentionsAsChannels(String text) {
        return MENTION.matcher(text == null ? "" : text).replaceAll("#$1");
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public Naming naming() {
        return Naming.IN_THE_COMMAND;
    }

    /** A channel id as an admin typed it: {@code #C0123ABCD} (a mention, translated) or {@code C0123ABCD}. */
    @Override
    public Optional<ChannelRef> channel(String typed) {
        Matcher matcher = CHANNEL.matcher(typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT));
        return matcher.matches() ? Optional.of(new ChannelRef(Platform.SLACK, matcher.group(1))) : Optional.empty();
    }

    @Override
    public void assign(TenantId tenant, TeamId team, ChannelRef channel) {
        if (channel.platform() != Platform.SLACK) {
            throw new IllegalArgumentException("not a Slack channel: " + channel.platform());
        }
        redis.hset(key(tenant), team.value(), channel.id());
    }

    @Override
    public void unassign(TenantId tenant, TeamId team) {
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
