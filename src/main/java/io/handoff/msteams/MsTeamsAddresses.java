package io.handoff.msteams;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * What Handoff needs to start a personal Teams chat with someone who never wrote to the bot:
 * <ul>
 * <li>{@code handoff:{tenant}:teams-service-url}: the connector URL of the organisation's latest activity (every
 * activity is authenticated, its token's {@code serviceurl} claim naming this URL);</li>
 * <li>{@code handoff:{tenant}:teams-user:<person>}: the person's Teams user id ({@code 29:…}, unique to this bot),
 * from the team roster or their own activities. Teams lets a bot start a chat with a member of a team it is
 * installed in by this id; the Entra object id works only where the app is installed for the user personally;</li>
 * <li>{@code handoff:{tenant}:teams-no-chat:<person>} (7 days): Teams refused to start a chat with them (the app is
 * not installed for them), so other platforms are tried instead until they use the app or the mark expires.</li>
 * </ul>
 */
final class MsTeamsAddresses {
    static final Duration NO_CHAT_FOR = Duration.ofDays(7);

    private final UnifiedJedis redis;

    MsTeamsAddresses(UnifiedJedis redis) {
        this.redis = redis;
    }

    static String serviceUrlKey(TenantId tenant) {
        return TenantKeys.key(tenant, "teams-service-url");
    }

    static String userIdKey(TenantId tenant, PersonId person) {
        return TenantKeys.key(tenant, "teams-user:" + person.value());
    }

    static String noChatKey(TenantId tenant, PersonId person) {
        return TenantKeys.key(tenant, "teams-no-chat:" + person.value());
    }

    /** Called for every activity of the organisation; writes only when the URL changed. */
    void rememberServiceUrl(TenantId tenant, String serviceUrl) {
        rememberIfChanged(serviceUrlKey(tenant), serviceUrl);
    }

    /**
     * Both at once for an activity of a known person: one MGET (one hash tag) and a write only for what changed, as
     * this runs on every activity.
     */
    void remember(TenantId tenant, PersonId person, String serviceUrl, String teamsUserId) {
        boolean userId = isUserId(teamsUserId);
        String serviceUrlKey = serviceUrlKey(tenant);
        String userIdKey = userIdKey(tenant, person);
        List<String> stored = redis.mget(serviceUrlKey, userIdKey);
        if (serviceUrl != null && !serviceUrl.isBlank() && !serviceUrl.equals(stored.get(0))) {
            redis.set(serviceUrlKey, serviceUrl);
        }
        if (userId && !teamsUserId.equals(stored.get(1))) {
            redis.set(userIdKey, teamsUserId);
        }
    }

    Optional<String> serviceUrl(TenantId tenant) {
        return Optional.ofNullable(redis.get(serviceUrlKey(tenant)));
    }

    /** Keeps the person's {@code 29:} Teams user id; other ids (a bot's {@code 28:}, blanks) are ignored. */
    void rememberUserId(TenantId tenant, PersonId person, String teamsUserId) {
        if (isUserId(teamsUserId)) {
            rememberIfChanged(userIdKey(tenant, person), teamsUserId);
        }
    }

    void forgetUserId(TenantId tenant, PersonId person) {
        redis.del(userIdKey(tenant, person));
    }

    Optional<String> userId(TenantId tenant, PersonId person) {
        return Optional.ofNullable(redis.get(userIdKey(tenant, person)));
    }

    void noChat(TenantId tenant, PersonId person, String why) {
        redis.set(noChatKey(tenant, person), why, SetParams.setParams().ex(NO_CHAT_FOR.toSeconds()));
    }

    boolean refusedChat(TenantId tenant, PersonId person) {
        return redis.exists(noChatKey(tenant, person));
    }

    private static boolean isUserId(String teamsUserId) {
        return teamsUserId != null && teamsUserId.startsWith("29:") && teamsUserId.length() <= 256;
    }

    private void rememberIfChanged(String key, String value) {
        if (value != null && !value.isBlank() && !value.equals(redis.get(key))) {
            redis.set(key, value);
        }
    }
}
