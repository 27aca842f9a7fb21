package io.handoff.msteams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.ChannelInfo;
import com.microsoft.bot.schema.teams.TeamsChannelData;

import io.handoff.chat.ChannelRef;
import io.handoff.chat.Message;
import io.handoff.chat.port.ChannelAssignments;
import io.handoff.chat.port.SendFailure;
import io.handoff.chat.port.TeamChannels;
import io.handoff.graph.Platform;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.redis.ClaimOnce;
import io.handoff.redis.LuaScript;
import redis.clients.jedis.UnifiedJedis;

/**
 * Team channels on Teams: {@code handoff:{tenant}:teams-team-channels} maps a team id to the Teams channel an admin
 * chose by saying {@code team-channel <team>} in it (JSON: service URL, channel id, Teams team id, Microsoft tenant;
 * the core's {@code team-channel} command gets it from {@link MessageHandler} as the channel the command was said in,
 * as a {@link ChannelRef}, and hands it back here to store).
 * A post starts a new thread in that channel: {@code POST {serviceUrl}/v3/conversations} with {@code isGroup: true},
 * {@code channelData.channel.id} and the Adaptive Card as the first activity, the call the Bot Framework SDK's own
 * {@code TeamsInfo.sendMessageToTeamsChannel} makes. Each idempotency key is claimed in
 * {@code handoff:{tenant}:teams-team-channel-post:<key>} (SET NX, {@link #KEEP_CLAIM}), apart from Slack's claim, so
 * a team with channels on both platforms gets the post on both, once each. A post never breaks the flow that caused
 * it: a refusal is logged and the claim released, so a later retry of the caller can post.
 */
final class MsTeamsChannels implements TeamChannels, ChannelAssignments {
    private static final Logger log = LoggerFactory.getLogger(MsTeamsChannels.class);
    static final Duration KEEP_CLAIM = Duration.ofDays(30);
    private static final LuaScript FORGET_MSTEAMS_TEAM = LuaScript.load(MsTeamsChannels.class,
            "forget-msteams-team.lua");

    private final MsTeamsAdapter adapter;
    private final UnifiedJedis redis;
    private final ClaimOnce claims;
    private final MsTeamsFiles files;
    private final Executor sending;

    /**
     * {@code sending} runs the connector call: a story is shared from a button press that Teams wants answered
     * quickly, so the post happens after the claim, off the request thread.
     */
    MsTeamsChannels(MsTeamsAdapter adapter, UnifiedJedis redis, MsTeamsFiles files,
                      Executor sending) {
        this.adapter = adapter;
        this.redis = redis;
        this.claims = new ClaimOnce(redis);
        this.files = files;
        this.sending = sending;
    }

    /** Where a team's posts go: a channel of a team in which the bot is installed. */
    record ChannelPlace(String serviceUrl, String channelId, String msTeamsTeamId, String microsoftTenant) {
        String json() {
            return JsonNodeFactory.instance.objectNode().put("serviceUrl", serviceUrl).put("channelId", channelId)
                    .put("teamsTeamId", msTeamsTeamId).put("microsoftTenant", microsoftTenant).toString();
        }

        static Optional<ChannelPlace> parse(String json) {
            try {
                JsonNode node = Serialization.jsonToTree(json);
                String serviceUrl = node.path("serviceUrl").asText("");
                String channelId = node.path("channelId").asText("");
                if (serviceUrl.isBlank() || channelId.isBlank()) {
                    return Optional.empty();
                }
                return Optional.of(new ChannelPlace(serviceUrl, channelId, node.path("teamsTeamId").asText(null),
                        node.path("microsoftTenant").asText(null)));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    /** The neutral reference to a channel: its place as JSON, which only this adapter reads. */
    static ChannelRef reference(ChannelPlace place) {
        return new ChannelRef(Platform.TEAMS, place.json());
    }

    @Override
    public Platform platform() {
        return Platform.TEAMS;
    }

    @Override
    public Naming naming() {
        return Naming.WHERE_SAID;
    }

    /** Teams channels cannot be named in a command: an admin says it in the channel ({@link #reference}). */
    @Override
    public Optional<ChannelRef> channel(String typed) {
        return Optional.empty();
    }

    @Override
    public void assign(TenantId tenant, TeamId team, ChannelRef channel) {
        ChannelPlace place = channel.platform() == Platform.TEAMS ? ChannelPlace.parse(channel.id()).orElse(null) : null;
        if (place == null) {
            throw new IllegalArgumentException("not a Teams channel of Handoff's: " + channel.platform());
        }
        assign(tenant, team, place);
    }

    void assign(TenantId tenant, TeamId team, ChannelPlace place) {
        redis.hset(key(tenant), team.value(), place.json());
    }

    @Override
    public void unassign(TenantId tenant, TeamId team) {
        redis.hdel(key(tenant), team.value());
    }

    /**
     * Handoff was removed from a Teams team (or the team was deleted): forgets, in one Lua script, every team channel
     * that lies in it, so nothing is posted there any more. Returns the Handoff teams that lost their channel.
     */
    List<TeamId> forgetMsTeamsTeam(TenantId tenant, String msTeamsTeamId) {
        Object forgotten = FORGET_MSTEAMS_TEAM.run(redis, List.of(key(tenant)), List.of(msTeamsTeamId));
        if (!(forgotten instanceof List<?> ids)) {
            return List.of();
        }
        return ids.stream().map(id -> id instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : String.valueOf(id)).map(TeamId::of).toList();
    }

    Optional<ChannelPlace> channel(TenantId tenant, TeamId team) {
        String json = redis.hget(key(tenant), team.value());
        return json == null ? Optional.empty() : ChannelPlace.parse(json);
    }

    @Override
    public boolean configured(TenantId tenant, TeamId team) {
        return channel(tenant, team).isPresent();
    }

    @Override
    public void post(TenantId tenant, TeamId team, Message message, String idempotencyKey) {
        ChannelPlace place = channel(tenant, team).orElseThrow(() ->
                new IllegalStateException("no Teams channel is configured for team " + team + " of " + tenant));
        Optional<ClaimOnce.Claim> claimed = claims.claim(claimKey(tenant, idempotencyKey), place.channelId(),
                KEEP_CLAIM);
        if (claimed.isEmpty()) {
            log.info("Teams channel post {} of tenant {} was already made", idempotencyKey, tenant);
            return;
        }
        ClaimOnce.Claim claim = claimed.get();
        try {
            sending.execute(() -> send(tenant, team, place, message, idempotencyKey, claim));
        } catch (RuntimeException rejected) { // shutting down: the caller may retry later
            claims.release(claim);
            log.warn("Teams channel post {} of tenant {} was not queued: {}", idempotencyKey, tenant,
                    rejected.toString());
        }
    }

    static String claimKey(TenantId tenant, String idempotencyKey) {
        return TenantKeys.key(tenant, "teams-team-channel-post:" + idempotencyKey);
    }

    private void send(TenantId tenant, TeamId team, ChannelPlace place, Message message, String idempotencyKey,
                      ClaimOnce.Claim claim) {
        try {
            TeamsChannelData channelData = new TeamsChannelData();
            channelData.setChannel(new ChannelInfo(place.channelId()));
            ConversationParameters thread = new ConversationParameters();
            thread.setIsGroup(true);
            thread.setChannelData(channelData);
            thread.setTenantId(place.microsoftTenant());
            Activity post = MsTeamsMessages.message(message, tenant, Optional.empty(), files);
            post.setAttachments(ConnectorCards.written(post.getAttachments())); // this activity is ours alone
            thread.setActivity(post);
            ConversationResourceResponse created = adapter.connector(place.serviceUrl())
                    .thenCompose(connector -> connector.getConversations().createConversation(thread)).join();
            log.info("Posted {} to the Teams channel of team {} in tenant {} ({})", idempotencyKey, team, tenant,
                    created == null ? "?" : created.getId());
        } catch (RuntimeException e) {
            claims.release(claim);
            SendFailure failure = MsTeamsSender.failure(e, place.channelId());
            log.warn("Posting {} to Teams channel {} of team {} in tenant {} failed: {}{}", idempotencyKey,
                    place.channelId(), team, tenant, failure.getMessage(),
                    failure.permanent() ? " (is Handoff still installed in that team?)" : "");
        }
    }

    private static String key(TenantId tenant) {
        return TenantKeys.key(tenant, "teams-team-channels");
    }
}
