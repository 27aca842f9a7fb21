package io.handoff.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.util.JsonOps;

import redis.clients.jedis.UnifiedJedis;

/**
 * Slack installations (bot and installer tokens) in Redis, keyed by enterprise id and team id. An Enterprise Grid
 * org-wide install has no team id ({@code -}); a lookup for a workspace of an org finds the org's install first.
 * Keys are global (not in a tenant slot): Slack requests name a workspace, not a tenant.
 * <ul>
 *     <li>{@code handoff:slack:bot:<enterprise|->:<team|->} string: the bot (JSON)</li>
 *     <li>{@code handoff:slack:installer:<enterprise|->:<team|->:<user>} string: the installing user (JSON)</li>
 *     <li>{@code handoff:slack:installers:<enterprise|->:<team|->} set: user ids of the installers</li>
 * </ul>
 */
final class RedisInstallationService implements InstallationService {
    static final String PREFIX = "handoff:slack:";
    private static final String NONE = "-";

    private final UnifiedJedis redis;
    private boolean historicalDataEnabled;

    RedisInstallationService(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return historicalDataEnabled;
    }

    @Override
    public void setHistoricalDataEnabled(boolean isHistoricalDataEnabled) {
        this.historicalDataEnabled = isHistoricalDataEnabled;
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        String workspace = workspace(installer.getEnterpriseId(), installer.getTeamId());
        if (installer.getInstallerUserId() != null) {
            redis.set(PREFIX + "installer:" + workspace + ":" + installer.getInstallerUserId(),
                    JsonOps.toJsonString(installer));
            redis.sadd(PREFIX + "installers:" + workspace, installer.getInstallerUserId());
        }
        saveBot(installer.toBot());
    }

    @Override
    public void saveBot(Bot bot) {
        redis.set(botKey(bot.getEnterpriseId(), bot.getTeamId()), JsonOps.toJsonString(bot));
    }

    @Override
    public void deleteBot(Bot bot) {
        redis.del(botKey(bot.getEnterpriseId(), bot.getTeamId()));
    }

    @Override
    public void deleteInstaller(Installer installer) {
        String workspace = workspace(installer.getEnterpriseId(), installer.getTeamId());
        redis.del(PREFIX + "installer:" + workspace + ":" + installer.getInstallerUserId());
        redis.srem(PREFIX + "installers:" + workspace, installer.getInstallerUserId());
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        for (String key : candidates(enterpriseId, teamId)) {
            String json = redis.get(PREFIX + "bot:" + key);
            if (json != null) {
                return JsonOps.fromJson(json, DefaultBot.class);
            }
        }
        return null;
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        if (userId == null) {
            return null;
        }
        for (String key : candidates(enterpriseId, teamId)) {
            String json = redis.get(PREFIX + "installer:" + key + ":" + userId);
            if (json != null) {
                return JsonOps.fromJson(json, DefaultInstaller.class);
            }
        }
        return null;
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        String workspace = workspace(enterpriseId, teamId);
        Set<String> users = redis.smembers(PREFIX + "installers:" + workspace);
        List<String> keys = new ArrayList<>();
        keys.add(PREFIX + "bot:" + workspace);
        keys.add(PREFIX + "installers:" + workspace);
        users.forEach(user -> keys.add(PREFIX + "installer:" + workspace + ":" + user));
        keys.forEach(redis::del); // one key at a time: they need not share a cluster slot
    }

    /** Org-wide install first, then the workspace inside the org, then the workspace installed on its own. */
    private static List<String> candidates(String enterpriseId, String teamId) {
        List<String> keys = new ArrayList<>();
        if (enterpriseId != null) {
            keys.add(workspace(enterpriseId, null));
            if (teamId != null) {
                keys.add(workspace(enterpriseId, teamId));
            }
        }
        if (teamId != null) {
            keys.add(workspace(null, teamId));
        }
        return keys;
    }

    private static String botKey(String enterpriseId, String teamId) {
        return PREFIX + "bot:" + workspace(enterpriseId, teamId);
    }

    private static String workspace(String enterpriseId, String teamId) {
        return (enterpriseId == null || enterpriseId.isBlank() ? NONE : enterpriseId) + ":"
                + (teamId == null || teamId.isBlank() ? NONE : teamId);
    }
}
