package io.handoff.settings;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Period;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import redis.clients.jedis.UnifiedJedis;

/**
 * Tenant settings in the hash {@code handoff:{tenant}:settings}, one field per setting. A missing or unreadable field
 * reads as its default, so older or hand-edited hashes never break a tenant.
 */
public class TenantSettingsStore {
    private static final Logger log = LoggerFactory.getLogger(TenantSettingsStore.class);

    private final UnifiedJedis redis;

    public TenantSettingsStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    static String key(TenantId tenant) {
        return TenantKeys.key(tenant, "settings");
    }

    public TenantSettings settings(TenantId tenant) {
        Map<String, String> hash = redis.hgetAll(key(tenant));
        if (hash == null || hash.isEmpty()) {
            return TenantSettings.defaults();
        }
        return new TenantSettings(
                read(tenant, hash, "friction-poll-every", Period::parse),
                read(tenant, hash, "story-prompt-every", Period::parse),
                read(tenant, hash, "survey-reminder-every", Period::parse),
                read(tenant, hash, "working-days", TenantSettingsStore::days),
                read(tenant, hash, "workday-start", LocalTime::parse),
                read(tenant, hash, "workday-end", LocalTime::parse),
                read(tenant, hash, "min-respondents", Integer::valueOf),
                read(tenant, hash, "min-comment-respondents", Integer::valueOf),
                read(tenant, hash, "weekly-cap", Integer::valueOf),
                read(tenant, hash, "stale-after", Period::parse),
                hash.get("digest-channel"),
                read(tenant, hash, "manager-report-digest", TenantSettingsStore::bool));
    }

    /** Stores valid settings (replacing all of them); throws {@link InvalidSettingsException} otherwise. */
    public TenantSettings save(TenantId tenant, TenantSettings settings) {
        TenantSettings valid = settings.validated();
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("friction-poll-every", valid.frictionPollEvery().toString());
        hash.put("story-prompt-every", valid.storyPromptEvery().toString());
        hash.put("survey-reminder-every", valid.surveyReminderEvery().toString());
        hash.put("working-days", valid.workingDays().stream().map(DayOfWeek::name).collect(Collectors.joining(",")));
        hash.put("workday-start", valid.workdayStart().toString());
        hash.put("workday-end", valid.workdayEnd().toString());
        hash.put("min-respondents", valid.minRespondents().toString());
        hash.put("min-comment-respondents", valid.minCommentRespondents().toString());
        hash.put("weekly-cap", valid.weeklyCap().toString());
        hash.put("stale-after", valid.staleAfter().toString());
        hash.put("digest-channel", valid.digestChannel() == null ? "" : valid.digestChannel());
        hash.put("manager-report-digest", valid.managerReportDigest().toString());
        redis.hset(key(tenant), hash);
        return valid;
    }

    private static Boolean bool(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("not a boolean");
        }
        return Boolean.valueOf(value);
    }

    private static Set<DayOfWeek> days(String value) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : value.split(",")) {
            if (!day.isBlank()) {
                days.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
            }
        }
        return days;
    }

    private static <T> T read(TenantId tenant, Map<String, String> hash, String field, Function<String, T> parse) {
        String value = hash.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (RuntimeException e) {
            log.warn("Tenant {} has an unreadable setting {}='{}'; using the default", tenant, field, value);
            return null;
        }
    }
}
