package io.handoff.slack;

import com.slack.api.bolt.service.OAuthStateService;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * OAuth state values of installs in progress, in Redis for {@link #getExpirationInSeconds()} (10 minutes), so any
 * instance can finish an install another one started: {@code handoff:slack:oauth-state:<state>}. Bolt also keeps
 * the state in a cookie and checks both.
 */
final class RedisOAuthStateService implements OAuthStateService {
    private static final String PREFIX = RedisInstallationService.PREFIX + "oauth-state:";

    private final UnifiedJedis redis;

    RedisOAuthStateService(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public void addNewStateToDatastore(String state) {
        redis.set(PREFIX + state, "1", SetParams.setParams().ex(getExpirationInSeconds()));
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return state != null && state.length() <= 100 && redis.exists(PREFIX + state);
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        if (state != null) {
            redis.del(PREFIX + state);
        }
    }
}
