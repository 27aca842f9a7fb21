package io.handoff.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.handoff.chat.port.Availability;
import io.handoff.graph.Deprovisioning;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.settings.TenantSettings;
import io.handoff.settings.TenantSettingsStore;
import io.handoff.survey.PreferencesStore;
import io.handoff.testing.MutableClock;
import io.handoff.testing.AllSettings;
import io.handoff.testing.TestRedis;

/** Working hours in the person's own time zone, the weekly cap, pauses, absences and forget-me. */
class DeliveryRulesTest {
    /** Tuesday 24 November 2026, 13:00 UTC = 22:00 in Tokyo. */
    private static final Instant TUESDAY_22_TOKYO = Instant.parse("2026-11-24T13:00:00Z");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final TenantId tenant = TestRedis.uniqueTenant();
    private final MutableClock clock = new MutableClock(TUESDAY_22_TOKYO);
    private final TenantSettingsStore settings = AllSettings.store(TestRedis.client());
    private final AtomicReference<Availability> availability = new AtomicReference<>(Availability.AVAILABLE);
    private final PreferencesStore preferences = new PreferencesStore(TestRedis.client());
    private final DeliveryRules rules = new DeliveryRules(TestRedis.client(), settings,
            List.of((t, person) -> availability.get()), preferences, clock);

    @Test
    void quietHoursInTokyoDeferANudgeToTheNextWorkingMorningThere() {
        Person kenji = person("kenji", TOKYO);

        Decision at22 = decide(kenji, MessageKind.NUDGE, "n1");
        clock.set(Instant.parse("2026-11-27T13:00:00Z")); // Friday 22:00 in Tokyo
        Decision fridayNight = decide(kenji, MessageKind.CONFIRMATION, "c1");

        assertThat(at22.verdict()).isEqualTo(Decision.Verdict.DEFER);
        assertThat(at22.reason()).isEqualTo("quiet hours");
        assertThat(at22.until()).hasValue(Instant.parse("2026-11-25T00:00:00Z")); // Wednesday 09:00 in Tokyo
        assertThat(fridayNight.until()).hasValue(Instant.parse("2026-11-30T00:00:00Z")); // Monday 09:00 in Tokyo
    }

    @Test
    void theSameMomentIsWorkingTimeForSomeoneInLondon() {
        Person pat = person("pat", LONDON); // 13:00 in London

        assertThat(decide(pat, MessageKind.NUDGE, "n1").verdict()).isEqualTo(Decision.Verdict.SEND);
        clock.set(Instant.parse("2026-11-24T17:00:00Z"));
        assertThat(decide(pat, MessageKind.NUDGE, "n2").until()).hasValue(Instant.parse("2026-11-25T09:00:00Z"));
    }

    @Test
    void tenantWorkingDaysAndHoursApply() {
        settings.save(tenant, TenantSettings.defaults().with(DeliverySettings.WORKING_DAYS, Set.of(DayOfWeek.SATURDAY))
                .with(DeliverySettings.WORKDAY_START, LocalTime.of(6, 0))
                .with(DeliverySettings.WORKDAY_END, LocalTime.MIDNIGHT));
        Person pat = person("pat", LONDON);

        assertThat(decide(pat, MessageKind.NUDGE, "n1").until()).hasValue(Instant.parse("2026-11-28T06:00:00Z"));
        clock.set(Instant.parse("2026-11-28T23:59:00Z"));
        assertThat(decide(pat, MessageKind.NUDGE, "n2").verdict()).isEqualTo(Decision.Verdict.SEND);
    }

    @Test
    void atMostThreeNudgesAWeekButConfirmationsAreExempt() {
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        Person pat = person("pat", LONDON);

        for (String key : List.of("n1", "n2", "n3")) {
            assertThat(decide(pat, MessageKind.NUDGE, key).verdict()).as(key).isEqualTo(Decision.Verdict.SEND);
            clock.advance(Duration.ofMinutes(10));
        }
        assertThat(decide(pat, MessageKind.NUDGE, "n1").verdict()).as("same key again").isEqualTo(Decision.Verdict.SEND);
        Decision fourth = decide(pat, MessageKind.NUDGE, "n4");
        Decision confirmation = decide(pat, MessageKind.CONFIRMATION, "c1");

        assertThat(fourth.verdict()).isEqualTo(Decision.Verdict.DEFER);
        assertThat(fourth.reason()).isEqualTo("weekly cap of 3");
        assertThat(fourth.until()).hasValue(Instant.parse("2026-12-01T10:00:00.001Z"));
        assertThat(confirmation.verdict()).isEqualTo(Decision.Verdict.SEND);
        assertThat(rules.nudgesThisWeek(tenant, pat.id())).isEqualTo(3);

        rules.cancelReservation(tenant, pat.id(), "n3");
        assertThat(decide(pat, MessageKind.NUDGE, "n4").verdict()).isEqualTo(Decision.Verdict.SEND);
        clock.set(Instant.parse("2026-12-01T10:30:00Z"));
        assertThat(decide(pat, MessageKind.NUDGE, "n5").verdict()).isEqualTo(Decision.Verdict.SEND);
    }

    @Test
    void aPausedPersonGetsNothingUntilThePauseEnds() {
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        Person pat = person("pat", LONDON);
        preferences.pauseUntil(tenant, pat.id(), Instant.parse("2026-12-01T00:00:00Z"), clock.instant());

        Decision nudge = decide(pat, MessageKind.NUDGE, "n1");
        Decision confirmation = decide(pat, MessageKind.CONFIRMATION, "c1");
        clock.set(Instant.parse("2026-12-01T10:00:00Z"));
        Decision afterwards = decide(pat, MessageKind.NUDGE, "n2");

        assertThat(nudge).isEqualTo(Decision.drop("paused"));
        assertThat(confirmation).isEqualTo(Decision.drop("paused"));
        assertThat(afterwards.verdict()).isEqualTo(Decision.Verdict.SEND);
    }

    @Test
    void aPauseWithoutAnEndDropsEverything() {
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        Person pat = person("pat", LONDON);
        PauseCheck forever = (t, person, now) -> person.equals(pat.id());
        DeliveryRules pausedForever = new DeliveryRules(TestRedis.client(), settings, List.of(), forever, clock);

        assertThat(pausedForever.decide(tenant, pat.id(), Optional.of(pat), MessageKind.NUDGE, "n1"))
                .isEqualTo(Decision.drop("paused"));
        assertThat(pausedForever.decide(tenant, pat.id(), Optional.of(pat), MessageKind.CONFIRMATION, "c1"))
                .isEqualTo(Decision.drop("paused"));
    }

    @Test
    void aDeprovisionedPersonGetsNothingOfAnyKind() {
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        Person pat = person("pat", LONDON);
        Person dana = person("dana", LONDON);
        Deprovisioning patLeft = new Deprovisioning() {
            @Override
            public Optional<Instant> deprovisionedAt(TenantId t, PersonId person) {
                return person.equals(pat.id()) ? Optional.of(Instant.parse("2026-11-20T08:00:00Z")) : Optional.empty();
            }

            @Override
            public java.util.Map<PersonId, Instant> deprovisionedBefore(TenantId t, Instant cutoff) {
                return java.util.Map.of();
            }
        };
        DeliveryRules rules = new DeliveryRules(TestRedis.client(), settings, List.of(), (t, p, now) -> false,
                patLeft, clock);

        assertThat(rules.decide(tenant, pat.id(), Optional.of(pat), MessageKind.NUDGE, "n1"))
                .isEqualTo(Decision.drop("deprovisioned"));
        assertThat(rules.decide(tenant, pat.id(), Optional.of(pat), MessageKind.CONFIRMATION, "c1"))
                .isEqualTo(Decision.drop("deprovisioned"));
        assertThat(rules.decide(tenant, dana.id(), Optional.of(dana), MessageKind.CONFIRMATION, "c2").verdict())
                .isEqualTo(Decision.Verdict.SEND);
    }

    @Test
    void outOfOfficeDefersUntilTheyAreBackAtWork() {
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        Person pat = person("pat", LONDON);
        availability.set(Availability.awayUntil(Instant.parse("2026-11-26T18:00:00Z")));

        Decision decision = decide(pat, MessageKind.CONFIRMATION, "c1");

        assertThat(decision.verdict()).isEqualTo(Decision.Verdict.DEFER);
        assertThat(decision.reason()).isEqualTo("out of office");
        assertThat(decision.until()).hasValue(Instant.parse("2026-11-27T09:00:00Z"));
    }

    @Test
    void nothingReachesSomeoneWhoIsGone() {
        assertThat(rules.decide(tenant, PersonId.of("gone"), Optional.empty(), MessageKind.CONFIRMATION, "c1"))
                .isEqualTo(Decision.drop("person gone"));
    }

    private Decision decide(Person person, MessageKind kind, String key) {
        return rules.decide(tenant, person.id(), Optional.of(person), kind, key);
    }

    private static Person person(String id, ZoneId zone) {
        return new Person(PersonId.of(id), id, null, null, zone, Map.of());
    }
}
