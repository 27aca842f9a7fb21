package io.handoff.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;
import io.handoff.privacy.DataSection;
import io.handoff.scheduler.Scheduler;
import io.handoff.survey.PreferencesStore;
import io.handoff.testing.MutableClock;
import io.handoff.testing.AllSettings;
import io.handoff.graph.RedisGraphStore;
import io.handoff.testing.TestRedis;

/** my-data shows what delivery keeps about a person; forget-me removes it and leaves others' records alone. */
class DeliveryPersonalDataTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final MutableClock clock = new MutableClock(NOW);
    private final PlatformPreference preference = new PlatformPreference(TestRedis.client());
    private final DeliveryRules rules = new DeliveryRules(TestRedis.client(), AllSettings.store(TestRedis.client()),
            List.of(), new PreferencesStore(TestRedis.client()), clock);
    private final DecisionLog decisions = new DecisionLog(TestRedis.client());
    private final Scheduler scheduler = new Scheduler(TestRedis.client(), clock, Duration.ofDays(7));
    private final Outbox outbox = new Outbox(scheduler);
    private final RedisGraphStore graph = new RedisGraphStore(TestRedis.client());
    private final DeliveryPersonalData personalData = new DeliveryPersonalData(preference, rules, decisions, outbox,
            graph);
    private final PersonId pat = PersonId.of("pat");
    private final PersonId dana = PersonId.of("dana");

    @Test
    void describesAndErasesWhatDeliveryKeepsAboutAPerson() {
        preference.touched(tenant, pat, Platform.TEAMS);
        Person patPerson = new Person(pat, "Pat", null, null, ZoneId.of("Asia/Kolkata"), Map.of());
        graph.savePerson(tenant, patPerson);
        assertThat(rules.decide(tenant, pat, Optional.of(patPerson), MessageKind.NUDGE, "n1").verdict())
                .isEqualTo(Decision.Verdict.SEND);
        decisions.record(tenant, new DecisionLog.Entry(NOW, pat, "n1", MessageKind.NUDGE, Decision.Verdict.SEND,
                Optional.empty(), "sent on teams"));
        decisions.record(tenant, new DecisionLog.Entry(NOW, dana, "n2", MessageKind.NUDGE, Decision.Verdict.DEFER,
                Optional.of(NOW.plusSeconds(3600)), "quiet hours"));
        outbox.deliver(tenant, new Notification(pat, Message.text("Dana named you"), "k"), "confirm:dana>pat");
        scheduler.fail(scheduler.claim(tenant, "w", 1, Duration.ofMinutes(1)).get(0), Optional.empty(), "404");

        List<DataSection> described = personalData.describe(tenant, pat);
        List<String> erased = personalData.erase(tenant, pat);

        assertThat(described).singleElement().satisfies(section -> {
            assertThat(section.lines()).contains("You last used Handoff on teams.",
                    "Handoff messages in the last 7 days: 1.");
            // the time reads in Pat's own zone: 10:00 UTC is 15:30 in Kolkata
            assertThat(section.lines()).contains("24 Nov 2026, 15:30 IST: a message was sent (sent on teams)");
            assertThat(section.data()).containsKey("deliveryDecisions");
        });
        assertThat(erased).containsExactly("your platform choice", "the count of messages Handoff sent you",
                "1 delivery record", "1 undelivered message");
        assertThat(personalData.describe(tenant, pat)).isEmpty();
        assertThat(outbox.deadLetters(tenant, 10)).isEmpty();
        assertThat(decisions.recent(tenant, 10)).extracting(DecisionLog.Entry::person).containsExactly(dana);
        assertThat(personalData.erase(tenant, pat)).isEmpty();
    }
}
