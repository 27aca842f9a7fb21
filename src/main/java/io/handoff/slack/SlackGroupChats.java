package io.handoff.slack;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;

import io.handoff.chat.GroupChat;
import io.handoff.chat.Message;
import io.handoff.chat.PlatformGroupChats;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Group chats on Slack: {@code conversations.open} with both user ids opens (or finds) the multi-person DM of the two
 * and the app (scope {@code mpim:write}), then {@code chat.postMessage} posts the opening there (Block Kit, text
 * escaped like every Slack message). Each key is claimed in {@code handoff:{tenant}:group-chat:<key>} (SET NX, the
 * channel id once known, {@link #KEEP_CLAIM}), so a second press posts nothing. A refusal or rate limit is never
 * waited out (the person is waiting for the answer to a button): it releases the claim and answers
 * {@link GroupChat.NotPossible}, and so does a Slack slower than {@link #MAX_WAIT} (the post is then skipped).
 */
final class SlackGroupChats implements PlatformGroupChats {
    private static final Logger log = LoggerFactory.getLogger(SlackGroupChats.class);
    static final Duration KEEP_CLAIM = Duration.ofDays(30);
    static final Duration MAX_WAIT = Duration.ofMillis(2500);
    private static final String OPENING = "opening";

    private final GraphStore graph;
    private final Slack slack;
    private final SlackWorkspaces workspaces;
    private final UnifiedJedis redis;
    private final Executor calls;

    /** {@code calls} runs the two Web API calls, so that a slow Slack cannot hold the button's answer too long. */
    SlackGroupChats(GraphStore graph, Slack slack, SlackWorkspaces workspaces, UnifiedJedis redis, Executor calls) {
        this.graph = graph;
        this.slack = slack;
        this.workspaces = workspaces;
        this.redis = redis;
        this.calls = calls;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public GroupChat open(TenantId tenant, Person first, Person second, Message opening, String key) {
        String firstUser = first.identities().get(Platform.SLACK);
        String secondUser = second.identities().get(Platform.SLACK);
        Optional<String> token = workspaces.botToken(tenant);
        if (firstUser == null || secondUser == null || token.isEmpty()) {
            return new GroupChat.NotPossible("both need a Slack identity in an installed workspace");
        }
        String claim = claimKey(tenant, key);
        if (!"OK".equals(redis.set(claim, OPENING, SetParams.setParams().nx().ex(KEEP_CLAIM.toSeconds())))) {
            String channel = redis.get(claim);
            log.info("Group DM {} of tenant {} was already opened", key, tenant);
            return new GroupChat.Opened(Platform.SLACK, link(tenant, OPENING.equals(channel) ? null : channel), true);
        }
        MethodsClient client = slack.methods(token.get());
        AtomicBoolean abandoned = new AtomicBoolean();
        CompletableFuture<String> opened = CompletableFuture.supplyAsync(
                () -> openAndPost(client, List.of(firstUser, secondUser), opening, abandoned), calls);
        try {
            String channel = opened.get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            redis.set(claim, channel, SetParams.setParams().xx().keepTtl());
            log.info("Opened group DM {} for {} in tenant {}", channel, key, tenant);
            return new GroupChat.Opened(Platform.SLACK, link(tenant, channel), false);
        } catch (TimeoutException e) {
            abandoned.set(true);
            return failed(tenant, key, claim, "Slack did not answer within " + MAX_WAIT.toMillis() + " ms");
        } catch (ExecutionException e) {
            String reason = e.getCause() instanceof SlackApi.SlackCallFailed failure ? failure.getMessage()
                    + failure.retryAfter().map(wait -> " (rate limited for " + wait.toSeconds() + " s)").orElse("")
                    : String.valueOf(e.getCause());
            return failed(tenant, key, claim, reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandoned.set(true);
            return failed(tenant, key, claim, "interrupted");
        }
    }

    private static String openAndPost(MethodsClient client, List<String> users, Message opening,
                                      AtomicBoolean abandoned) {
        String channel = SlackApi.once("conversations.open", () -> client.conversationsOpen(r -> r.users(users)))
                .getChannel().getId();
        if (abandoned.get()) {
            // the caller has fallen back already; an empty group DM is harmless, a second invitation is not
            throw new SlackApi.SlackCallFailed("chat.postMessage", "abandoned", null, null);
        }
        SlackMessenger.postToChannel(client, channel, opening, SlackMessenger.RateLimits.REPORT);
        return channel;
    }

    private GroupChat failed(TenantId tenant, String key, String claim, String reason) {
        redis.del(claim);
        log.warn("Could not open group DM {} in tenant {}: {}", key, tenant, reason);
        return new GroupChat.NotPossible(reason);
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
        return "handoff:{" + tenant.value() + "}:group-chat:" + key;
    }
}
