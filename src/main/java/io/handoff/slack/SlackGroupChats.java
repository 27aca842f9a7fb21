package io.handoff.slack;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;

import io.handoff.chat.Delivery;
import io.handoff.chat.GroupChat;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.port.PlatformGroupChats;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.redis.ClaimOnce;
import redis.clients.jedis.UnifiedJedis;

/**
 * Group chats on Slack: {@code conversations.open} with both user ids opens (or finds) the multi-person DM of the two
 * and the app (scope {@code mpim:write}), then {@code chat.postMessage} posts the opening there (Block Kit, text
 * escaped like every Slack message). The button is answered first: {@link #open} only checks the identities, claims
 * the key in {@code handoff:{tenant}:group-chat:<key>} (SET NX, {@link #KEEP_CLAIM}), hands the two calls to
 * {@code calls} and answers {@link GroupChat.Opening}; a second press while or after it opens posts nothing. On
 * success the claim holds the channel id. A refusal or rate limit (never waited out) releases the claim and delivers
 * the caller's fallback notes through {@link Delivery} (the outbox) with their own keys. Either way the caller's
 * {@link Settled} then hears how it ended ({@link GroupChat.Opened} only once the opening is posted).
 */
final class SlackGroupChats implements PlatformGroupChats {
    private static final Logger log = LoggerFactory.getLogger(SlackGroupChats.class);
    static final Duration KEEP_CLAIM = Duration.ofDays(30);
    private static final String OPENING = "opening";

    private final GraphStore graph;
    private final Slack slack;
    private final SlackWorkspaces workspaces;
    private final ClaimOnce claims;
    private final Executor calls;
    private final Delivery delivery;

    /** {@code calls} runs the two Web API calls after the button is answered; {@code delivery} takes the fallback. */
    SlackGroupChats(GraphStore graph, Slack slack, SlackWorkspaces workspaces, UnifiedJedis redis, Executor calls,
                    Delivery delivery) {
        this.graph = graph;
        this.slack = slack;
        this.workspaces = workspaces;
        this.claims = new ClaimOnce(redis);
        this.calls = calls;
        this.delivery = delivery;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public GroupChat open(TenantId tenant, Person first, Person second, Message opening, String key,
                          List<Notification> fallback, Settled settled) {
        String firstUser = first.identities().get(Platform.SLACK);
        String secondUser = second.identities().get(Platform.SLACK);
        Optional<String> token = workspaces.botToken(tenant);
        if (firstUser == null || secondUser == null || token.isEmpty()) {
            return new GroupChat.NotPossible("both need a Slack identity in an installed workspace");
        }
        Optional<ClaimOnce.Claim> claimed = claims.claim(claimKey(tenant, key), OPENING, KEEP_CLAIM);
        if (claimed.isEmpty()) {
            String channel = claims.holder(claimKey(tenant, key)).orElse(null);
            log.info("Group DM {} of tenant {} was already opened", key, tenant);
            return channel == null || OPENING.equals(channel) ? new GroupChat.Opening(Platform.SLACK)
                    : new GroupChat.Opened(Platform.SLACK, link(tenant, channel), true);
        }
        ClaimOnce.Claim claim = claimed.get();
        MethodsClient client = slack.methods(token.get());
        List<String> users = List.of(firstUser, secondUser);
        List<Notification> notes = List.copyOf(fallback);
        try {
            calls.execute(() -> settle(tenant, key, settled,
                    openAndPost(tenant, key, claim, client, users, opening, notes)));
        } catch (RejectedExecutionException e) {
            claims.release(claim);
            log.warn("Could not start opening group DM {} in tenant {}: {}", key, tenant, e.toString());
            return new GroupChat.NotPossible("Slack calls are not accepted now");
        }
        return new GroupChat.Opening(Platform.SLACK);
    }

    /**
     * In the background: opens, posts, keeps the channel id ({@link GroupChat.Opened}); or releases the claim and
     * delivers the notes ({@link GroupChat.NotPossible}).
     */
    private GroupChat openAndPost(TenantId tenant, String key, ClaimOnce.Claim claim, MethodsClient client,
                                  List<String> users, Message opening, List<Notification> fallback) {
        String channel;
        try {
            channel = SlackApi.once("conversations.open", () -> client.conversationsOpen(r -> r.users(users)))
                    .getChannel().getId();
            SlackMessenger.postToChannel(client, channel, opening, SlackMessenger.RateLimits.REPORT);
            claims.settle(claim, channel);
            log.info("Opened group DM {} for {} in tenant {}", channel, key, tenant);
        } catch (RuntimeException e) {
            String reason = e instanceof SlackApi.SlackCallFailed failure ? failure.getMessage()
                    + failure.retryAfter().map(wait -> " (rate limited for " + wait.toSeconds() + " s)").orElse("")
                    : e.toString();
            log.warn("Could not open group DM {} in tenant {}: {}; delivering {} notes instead", key, tenant, reason,
                    fallback.size());
            try {
                claims.release(claim);
                for (Notification note : fallback) {
                    delivery.deliver(tenant, note, note.key());
                }
            } catch (RuntimeException lost) {
                log.error("Fallback notes for group DM {} in tenant {} not delivered", key, tenant, lost);
            }
            return new GroupChat.NotPossible(reason);
        }
        Optional<URI> link;
        try {
            link = link(tenant, channel);
        } catch (RuntimeException e) {
            link = Optional.empty(); // posted all the same: only the link to it is missing
        }
        return new GroupChat.Opened(Platform.SLACK, link, false);
    }

    private static void settle(TenantId tenant, String key, Settled settled, GroupChat outcome) {
        try {
            settled.settled(outcome);
        } catch (RuntimeException e) {
            log.warn("Could not record how group DM {} of tenant {} ended ({}): {}", key, tenant,
                    outcome.getClass().getSimpleName(), e.toString());
        }
    }

    /** Slack's redirect that opens the conversation in the app or the browser. */
    private Optional<URI> link(TenantId tenant, String channel) {
        if (channel == null) {
            return Optional.empty();
        }
        String team = graph.tenant(tenant).map(t -> t.slackTeamId()).orElse(null);
        return Optional.of(URI.create("https://slack.com/app_redirect?channel="
                + URLEncoder.encode(channel, StandardCharsets.UTF_8)
                + (team == null ? "" : "&team=" + URLEncoder.encode(team, StandardCharsets.UTF_8))));
    }

    static String claimKey(TenantId tenant, String key) {
        return TenantKeys.key(tenant, "group-chat:" + key);
    }
}
