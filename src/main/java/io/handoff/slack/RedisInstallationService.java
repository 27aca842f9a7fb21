package io.handoff.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.util.JsonOps;

import io.handoff.crypto.SecretBox;
import io.handoff.crypto.UnreadableSecretException;
import io.handoff.redis.LuaScript;
import redis.clients.jedis.ScanIteration;
import redis.clients.jedis.UnifiedJedis;

/**
 * Slack installations (bot and installer tokens) in Redis, keyed by enterprise id and team id. An Enterprise Grid
 * org-wide install has no team id ({@code -}); a lookup for a workspace of an org finds the org's install first.
 * Keys are global (not in a tenant slot): Slack requests name a workspace, not a tenant.
 * <ul>
 *     <li>{@code handoff:slack:bot:<enterprise|->:<team|->} string: the bot (JSON, sealed)</li>
 *     <li>{@code handoff:slack:installer:<enterprise|->:<team|->:<user>} string: the installing user (JSON, sealed)</li>
 *     <li>{@code handoff:slack:installers:<enterprise|->:<team|->} set: user ids of the installers</li>
 * </ul>
 * The JSON holds bot, user and refresh tokens, so it is sealed with {@link SecretBox} (AES-256-GCM, the Redis key
 * as associated data): {@code v1:<key id>:<base64>}. Plaintext JSON stored by earlier versions is still read, and
 * {@link #sealStoredInstallations()} seals it in place at startup. A value that does not open (a key not configured,
 * a value copied from another key) is logged once and read as no installation: Slack gets the unknown-workspace
 * answer, never an error.
 */
final class RedisInstallationService implements InstallationService {
    static final String PREFIX = "handoff:slack:";
    private static final String NONE = "-";
    private static final Logger log = LoggerFactory.getLogger(RedisInstallationService.class);
    private static final LuaScript REPLACE_IF_UNCHANGED =
            LuaScript.load(RedisInstallationService.class, "replace-if-unchanged.lua");

    private final UnifiedJedis redis;
    private final SecretBox box;
    /** Keys whose unreadable value was logged already, so a broken workspace logs once, not once per request. */
    private final Set<String> reportedUnreadable = ConcurrentHashMap.newKeySet();
    private boolean historicalDataEnabled;

    RedisInstallationService(UnifiedJedis redis, SecretBox box) {
        this.redis = redis;
        this.box = box;
    }

    /** What {@link #sealStoredInstallations()} did. */
    record Migration(int sealed, int resealed, int unreadable) {
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
            write(PREFIX + "installer:" + workspace + ":" + installer.getInstallerUserId(),
                    JsonOps.toJsonString(installer));
            redis.sadd(PREFIX + "installers:" + workspace, installer.getInstallerUserId());
        }
        saveBot(installer.toBot());
    }

    @Override
    public void saveBot(Bot bot) {
        write(botKey(bot.getEnterpriseId(), bot.getTeamId()), JsonOps.toJsonString(bot));
    }

    @Override
    public void deleteBot(Bot bot) {
        redis.del(botKey(bot.getEnterpriseId(), bot.getTeamId()));
        reportedUnreadable.remove(botKey(bot.getEnterpriseId(), bot.getTeamId()));
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
            String json = read(PREFIX + "bot:" + key);
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
            String json = read(PREFIX + "installer:" + key + ":" + userId);
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

    /**
     * Seals, in place, installations stored in plaintext by an earlier version and re-seals those sealed with
     * HANDOFF_ENCRYPTION_KEY_PREVIOUS, one key at a time with a compare-and-set (a concurrent save wins). Safe on
     * every replica at once; SCAN visits every node of a cluster.
     */
    Migration sealStoredInstallations() {
        int sealed = 0;
        int resealed = 0;
        int unreadable = 0;
        for (String pattern : List.of(PREFIX + "bot:*", PREFIX + "installer:*")) {
            ScanIteration scan = redis.scanIteration(200, pattern, "string");
            while (!scan.isIterationCompleted()) {
                for (String key : scan.nextBatchList()) {
                    String stored = redis.get(key);
                    if (stored == null || box.sealedWithCurrentKey(stored)) {
                        continue;
                    }
                    String json = open(key, stored);
                    if (json == null) {
                        unreadable++;
                    } else if (replaceIfUnchanged(key, stored, box.seal(json, key))) {
                        if (SecretBox.isSealed(stored)) {
                            resealed++;
                        } else {
                            sealed++;
                        }
                    }
                }
            }
        }
        return new Migration(sealed, resealed, unreadable);
    }

    /** Sets the key to {@code replacement} only while it still holds {@code expected}. */
    boolean replaceIfUnchanged(String key, String expected, String replacement) {
        return Long.valueOf(1).equals(REPLACE_IF_UNCHANGED.run(redis, List.of(key), List.of(expected, replacement)));
    }

    private void write(String key, String json) {
        redis.set(key, box.seal(json, key));
        reportedUnreadable.remove(key);
    }

    private String read(String key) {
        String stored = redis.get(key);
        return stored == null ? null : open(key, stored);
    }

    /** The JSON of a stored value, or null (logged once per key) when it cannot be read. */
    private String open(String key, String stored) {
        if (!SecretBox.isSealed(stored)) {
            if (stored.startsWith("{")) {
                return stored; // plaintext from before sealing; sealed on the next save or at the next start
            }
            if (reportedUnreadable.add(key)) {
                log.error("Slack installation {} is neither sealed nor JSON; the workspace is treated as not installed",
                        key);
            }
            return null;
        }
        try {
            return box.open(stored, key);
        } catch (UnreadableSecretException e) {
            if (reportedUnreadable.add(key)) {
                log.error("Slack installation {} cannot be decrypted (key id {}): {}. The workspace is treated as not "
                        + "installed until the key is configured or the workspace installs Handoff again", key,
                        e.keyId(), e.getMessage());
            }
            return null;
        }
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
