package io.handoff.testing;

import io.handoff.delivery.DeliverySettings;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;

import io.handoff.graph.TenantId;
import io.handoff.settings.TenantSettings;
import io.handoff.settings.TenantSettingsStore;

/**
 * Working hours for tests of the whole app, which run on the system clock: every day, all day, so that what a test
 * waits for is not held back by quiet hours depending on when the build runs (the default working hours, Monday to
 * Friday 09:00 to 17:00, would defer every message of a nightly or weekend build). Quiet hours themselves are tested
 * on a fixed clock ({@code DeliveryRulesTest}, {@code OutboxTest}).
 */
public final class AroundTheClock {
    private AroundTheClock() {
    }

    /** The defaults, except that Handoff may message people at any time. */
    public static TenantSettings settings() {
        return TenantSettings.defaults().with(DeliverySettings.WORKING_DAYS, EnumSet.allOf(DayOfWeek.class))
                .with(DeliverySettings.WORKDAY_START, LocalTime.MIDNIGHT)
                .with(DeliverySettings.WORKDAY_END, LocalTime.MIDNIGHT);
    }

    /** Stores {@link #settings()} for the tenant (it need not exist yet: settings are keyed by its id). */
    public static void workAroundTheClock(TenantSettingsStore store, TenantId tenant) {
        store.save(tenant, settings());
    }
}
