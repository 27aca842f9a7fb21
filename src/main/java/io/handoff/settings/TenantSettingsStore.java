package io.handoff.settings;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import redis.clients.jedis.UnifiedJedis;

/**
 * Tenant settings in the hash {@code handoff:{tenant}:settings}, one field per registered {@link Setting} (its name).
 * A missing or unreadable field reads as its default (an unreadable one with a WARN), so older or hand-edited hashes
 * never break a tenant.
 */
public class TenantSettingsStore {
    private static final Logger log = LoggerFactory.getLogger(TenantSettingsStore.class);

    private final UnifiedJedis redis;
    private final SettingsRegistry registry;

    public TenantSettingsStore(UnifiedJedis redis, SettingsRegistry registry) {
        this.redis = redis;
        this.registry = registry;
    }

    static String key(TenantId tenant) {
        return TenantKeys.key(tenant, "settings");
    }

    public SettingsRegistry registry() {
        return registry;
    }

    public TenantSettings settings(TenantId tenant) {
        Map<String, String> hash = redis.hgetAll(key(tenant));
        TenantSettings values = TenantSettings.defaults();
        if (hash == null || hash.isEmpty()) {
            return values;
        }
        for (Setting<?> setting : registry.settings()) {
            values = read(tenant, values, setting, hash.get(setting.name()));
        }
        return values;
    }

    private static <T> TenantSettings read(TenantId tenant, TenantSettings values, Setting<T> setting, String stored) {
        if (stored == null || stored.isBlank()) {
            return values;
        }
        try {
            return values.with(setting, setting.type().fromStored().apply(stored.strip()));
        } catch (RuntimeException e) {
            log.warn("Tenant {} has an unreadable setting {}='{}'; using the default", tenant, setting.name(), stored);
            return values;
        }
    }

    /** Stores valid settings (every registered one); throws {@link InvalidSettingsException} otherwise. */
    public TenantSettings save(TenantId tenant, TenantSettings settings) {
        TenantSettings valid = registry.validated(settings);
        Map<String, String> hash = new LinkedHashMap<>();
        for (Setting<?> setting : registry.settings()) {
            hash.put(setting.name(), stored(setting, valid));
        }
        redis.hset(key(tenant), hash);
        return valid;
    }

    private static <T> String stored(Setting<T> setting, TenantSettings values) {
        return setting.type().toStored().apply(values.get(setting));
    }
}
