package io.handoff.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.port.Availability;
import io.handoff.chat.port.AvailabilityCheck;
import io.handoff.graph.Deprovisioning;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.redis.LuaScript;
import io.handoff.settings.TenantSettings;
import io.handoff.settings.TenantSettingsStore;
import redis.clients.jedis.UnifiedJedis;

/**
 * Whether a message may reach a person now. In order:
 * <ol>
 *   <li>a person who is gone (forget-me, left the roster): DROP;</li>
 *   <li>a person the identity provider deprovisioned ({@link Deprovisioning}, SCIM {@code active: false}): DROP,
 *       for every kind of message;</li>
 *   <li>a paused person ({@link PauseCheck}, the survey's {@code pause}): DROP, for every kind of message, so
 *       nothing piles up to flood them when the pause ends;</li>
 *   <li>out of office ({@link AvailabilityCheck}): DEFER until they are back (or the next working day), then working
 *       hours apply;</li>
 *   <li>outside the tenant's working days and hours in the person's own time zone: DEFER to the next working
 *       moment;</li>
 *   <li>for {@link MessageKind#NUDGE} only: the weekly cap (at most N nudges in any 7 days, counted per message key
 *       when reserved): DEFER until a slot frees up; a cap of 0 DROPs nudges;</li>
 *   <li>otherwise SEND; a NUDGE has then reserved a slot, which the caller gives back with
 *       {@link #cancelReservation} if the message does not go out after all.</li>
 * </ol>
 */
public class DeliveryRules {
    private static final Logger log = LoggerFactory.getLogger(DeliveryRules.class);
    private static final LuaScript WEEKLY_CAP = LuaScript.load(DeliveryRules.class, "weekly-cap.lua");
    static final Duration WEEK = Duration.ofDays(7);
    private static final Duration UNKNOWN_ABSENCE_RECHECK = Duration.ofHours(4);

    private final UnifiedJedis redis;
    private final TenantSettingsStore settingsStore;
    private final List<AvailabilityCheck> availabilityChecks;
    private final PauseCheck pauses;
    private final Deprovisioning deprovisioning;
    private final Clock clock;
    private final Map<TenantId, CachedSettings> settingsCache = new ConcurrentHashMap<>();
    private static final Duration SETTINGS_FRESH = Duration.ofSeconds(5);

    public DeliveryRules(UnifiedJedis redis, TenantSettingsStore settingsStore,
                         List<AvailabilityCheck> availabilityChecks, PauseCheck pauses, Clock clock) {
        this(redis, settingsStore, availabilityChecks, pauses, Deprovisioning.NONE, clock);
    }

    public DeliveryRules(UnifiedJedis redis, TenantSettingsStore settingsStore,
                         List<AvailabilityCheck> availabilityChecks, PauseCheck pauses,
                         Deprovisioning deprovisioning, Clock clock) {
        this.redis = redis;
        this.settingsStore = settingsStore;
        this.availabilityChecks = List.copyOf(availabilityChecks);
        this.pauses = pauses;
        this.deprovisioning = deprovisioning;
        this.clock = clock;
    }

    /**
     * Decides for the message {@code messageKey} to {@code personId}; {@code person} is empty when they are gone.
     * A SEND for a NUDGE reserves a weekly slot for {@code messageKey} (idempotently).
     */
    public Decision decide(TenantId tenant, PersonId personId, Optional<Person> person, MessageKind kind,
                           String messageKey) {
        if (kind == MessageKind.REPLY) {
            return person.isEmpty() ? Decision.drop("person gone") : Decision.send();
        }
        Decision before = decideBeforeCap(tenant, personId, person);
        if (before.verdict() != Decision.Verdict.SEND || kind != MessageKind.NUDGE) {
            return before;
        }
        return reserveWeeklySlot(tenant, personId, person.orElseThrow(), messageKey);
    }

    /** Every rule but the weekly cap: gone, paused, out of office, working hours. */
    public Decision decideBeforeCap(TenantId tenant, PersonId personId, Optional<Person> person) {
        if (person.isEmpty()) {
            return Decision.drop("person gone");
        }
        if (deprovisioning.deprovisionedAt(tenant, personId).isPresent()) {
            return Decision.drop("deprovisioned");
        }
        Instant now = clock.instant();
        if (pauses.pausedAt(tenant, personId, now)) {
            return Decision.drop("paused");
        }
        TenantSettings settings = settings(tenant, now);
        WorkingHours hours = new WorkingHours(settings, person.get().timeZone());
        Availability availability = availability(tenant, person.get());
        if (availability.away()) {
            Instant back = availability.backAt().filter(now::isBefore).orElse(now.plus(UNKNOWN_ABSENCE_RECHECK));
            return Decision.defer(hours.nextWorkingMoment(back), "out of office");
        }
        Instant working = hours.nextWorkingMoment(now);
        if (!working.equals(now)) {
            return Decision.defer(working, "quiet hours");
        }
        return Decision.send();
    }

    /**
     * The weekly cap for a Handoff-initiated message: SEND having reserved a slot for {@code messageKey}
     * (idempotently), DEFER until a slot frees up, or DROP when the cap is 0.
     */
    public Decision reserveWeeklySlot(TenantId tenant, PersonId personId, Person person, String messageKey) {
        Instant now = clock.instant();
        TenantSettings settings = settings(tenant, now);
        WorkingHours hours = new WorkingHours(settings, person.timeZone());
        if (settings.get(DeliverySettings.WEEKLY_CAP) == 0) {
            return Decision.drop("nudges are off (weekly cap 0)");
        }
        long oldest = (Long) WEEKLY_CAP.run(redis, List.of(sentKey(tenant, personId)), List.of(
                Long.toString(now.toEpochMilli()), Long.toString(now.minus(WEEK).toEpochMilli()),
                settings.get(DeliverySettings.WEEKLY_CAP).toString(), messageKey, Long.toString(WEEK.plusDays(1).toMillis())));
        if (oldest >= 0) {
            Instant slotFree = Instant.ofEpochMilli(oldest).plus(WEEK).plusMillis(1);
            return Decision.defer(hours.nextWorkingMoment(slotFree), "weekly cap of " + settings.get(DeliverySettings.WEEKLY_CAP));
        }
        return Decision.send();
    }

    /** Settings are read at most every few seconds per tenant: every message needs them. */
    private TenantSettings settings(TenantId tenant, Instant now) {
        CachedSettings cached = settingsCache.get(tenant);
        if (cached == null || now.isAfter(cached.readAt().plus(SETTINGS_FRESH)) || now.isBefore(cached.readAt())) {
            cached = new CachedSettings(settingsStore.settings(tenant), now);
            settingsCache.put(tenant, cached);
        }
        return cached.settings();
    }

    private record CachedSettings(TenantSettings settings, Instant readAt) {
    }

    /** Gives back the weekly slot a NUDGE reserved when it did not go out (failed, rate limited). */
    public void cancelReservation(TenantId tenant, PersonId person, String messageKey) {
        redis.zrem(sentKey(tenant, person), messageKey);
    }

    /** Nudges a person got (or has reserved) in the 7 days before now. */
    public long nudgesThisWeek(TenantId tenant, PersonId person) {
        Instant now = clock.instant();
        return redis.zcount(sentKey(tenant, person), now.minus(WEEK).toEpochMilli(), now.toEpochMilli());
    }

    /** Forget-me: drops the record of the nudges the person got. */
    public void forget(TenantId tenant, PersonId person) {
        redis.del(sentKey(tenant, person));
    }

    static String sentKey(TenantId tenant, PersonId person) {
        return TenantKeys.key(tenant, "nudges-sent:" + person.value());
    }

    private Availability availability(TenantId tenant, Person person) {
        for (AvailabilityCheck check : availabilityChecks) {
            try {
                Availability availability = check.availability(tenant, person);
                if (availability != null && availability.away()) {
                    return availability;
                }
            } catch (RuntimeException e) {
                log.warn("Availability check {} failed for {} of tenant {}; treating them as available: {}",
                        check.getClass().getSimpleName(), person.id(), tenant, e.toString());
            }
        }
        return Availability.AVAILABLE;
    }
}
