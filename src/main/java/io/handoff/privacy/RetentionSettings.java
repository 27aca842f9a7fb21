package io.handoff.privacy;

import java.time.Period;

import io.handoff.settings.Setting;
import io.handoff.settings.SettingGroup;
import io.handoff.settings.SettingType;

/**
 * How long a tenant keeps each kind of data ({@link Retention} expires it daily). {@code P0D} keeps it until the person
 * asks to be forgotten (forget-me). Each kind is deleted by the store of the module that owns it ({@link ExpiringData});
 * people by every {@link PersonalData} store, as forget-me does.
 */
public final class RetentionSettings {
    public static final Setting<Period> FRICTION_ANSWERS = kept("keep-friction-answers", Period.ofYears(1),
            "how long a friction answer is kept after its poll period ended (at most 13 months: answers expire after "
                    + "400 days anyway; P0D: those 400 days); the shown aggregates stay, they name nobody", "1 year")
            .must(p -> p.toTotalMonths() * 31 + p.getDays() <= 400, "must be at most 13 months (400 days)");
    public static final Setting<Period> STORIES = kept("keep-stories", Period.ofYears(1),
            "how long a sent story (and its reactions) is kept after it was sent; P0D: until forget-me", "1 year");
    public static final Setting<Period> DECISION_LOG = kept("keep-delivery-decisions", Period.ofDays(90),
            "how long a delivery decision (sent, deferred, dropped) stays in the log; P0D: the latest 500", "90 days");
    public static final Setting<Period> DEPROVISIONED_PEOPLE = kept("keep-deprovisioned-people", Period.ofDays(30),
            "how long a person deprovisioned by the identity provider (SCIM active: false) is kept before everything "
                    + "about them is erased as by forget-me; P0D: until forget-me", "30 days");
    public static final Setting<Period> SILENT_PEOPLE = kept("keep-silent-people", Period.ZERO,
            "erase a person (as by forget-me) when none of their handoffs was named, confirmed, disputed or changed "
                    + "for this long; P0D (the default): never", "2 years");

    public static final SettingGroup SETTINGS = SettingGroup.of("retention", FRICTION_ANSWERS, STORIES, DECISION_LOG,
            DEPROVISIONED_PEOPLE, SILENT_PEOPLE);

    private RetentionSettings() {
    }

    private static Setting<Period> kept(String name, Period defaultValue, String description, String example) {
        return Setting.of(name, SettingType.PERIOD, defaultValue, description, example)
                .must(p -> !p.isNegative(), "must be a period such as P90D, P6M or P1Y, or P0D to keep");
    }

    /** Words for a period setting's value in my-data: "1 year", or "until you ask me to forget you". */
    static String words(Period period, String whenOff) {
        return period.isZero() ? whenOff : SettingType.PERIOD.describe().apply(period);
    }
}
