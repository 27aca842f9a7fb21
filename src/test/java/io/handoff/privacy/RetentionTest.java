package io.handoff.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import io.handoff.delivery.DecisionLog;
import io.handoff.delivery.Decision;
import io.handoff.delivery.MessageKind;
import io.handoff.demo.SampleOrganisation;
import io.handoff.empathy.Story;
import io.handoff.empathy.StoryStore;
import io.handoff.friction.FrictionAnswer;
import io.handoff.friction.FrictionStore;
import io.handoff.friction.Period;
import io.handoff.friction.PollCadence;
import io.handoff.graph.Criticality;
import io.handoff.graph.Deprovisioning;
import io.handoff.graph.PersonId;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.scheduler.Scheduler;
import io.handoff.settings.Setting;
import io.handoff.settings.TenantSettingsStore;
import io.handoff.testing.AllSettings;
import io.handoff.testing.MutableClock;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.UnifiedJedis;

/** Each kind of data expires after its tenant setting and not before, through its own store; my-data names the periods. */
class RetentionTest {
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private final UnifiedJedis redis = TestRedis.client();
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final MutableClock clock = new MutableClock(START);
    private final RedisGraphStore graph = new RedisGraphStore(redis);
    private final TenantSettingsStore settings = AllSettings.store(redis);
    private final FrictionStore friction = new FrictionStore(redis);
    private final StoryStore stories = new StoryStore(redis);
    private final DecisionLog decisions = new DecisionLog(redis);
    private final PersonId pat = PersonId.of("pat");
    private final PersonId dana = PersonId.of("dana");

    private final List<ExpiringData> kinds = List.of(
            kind("friction answers", RetentionSettings.FRICTION_ANSWERS, friction::expireBefore),
            kind("stories", RetentionSettings.STORIES, stories::expireSentBefore),
            kind("delivery decisions about you", RetentionSettings.DECISION_LOG, decisions::expireBefore));

    @Test
    void eachKindExpiresAfterItsSettingAndNotBefore() {
        SampleOrganisation.load(graph, tenant, START);
        Period week = Period.containing(PollCadence.WEEKLY, LocalDate.ofInstant(START, ZoneOffset.UTC));
        friction.record(tenant, week, new FrictionAnswer(pat, dana, TeamId.of("preload"), TeamId.of("drivers"),
                "truck loaded", Criticality.CRITICAL, 2, "late", START));
        String id = StoryStore.newId();
        assertThat(stories.saveRelayed(tenant, Story.relayed(id, Story.Kind.VOICE, "Parcel delivered", pat, dana, "truck loaded",
                "the words", false, null, START))).isTrue();
        decisions.record(tenant, new DecisionLog.Entry(START, pat, "k1", MessageKind.NUDGE, Decision.Verdict.SEND,
                Optional.empty(), "sent"));
        Retention retention = retention(Deprovisioning.NONE);

        // defaults: decisions 90 days, answers and stories 1 year (answers from their period's end)
        clock.set(START.plus(Duration.ofDays(89)));
        assertThat(retention.run(tenant)).containsEntry("delivery decisions about you", 0);
        assertThat(decisions.recent(tenant, 10)).hasSize(1);
        clock.set(START.plus(Duration.ofDays(91)));
        decisions.record(tenant, new DecisionLog.Entry(clock.instant(), pat, "k2", MessageKind.NUDGE,
                Decision.Verdict.SEND, Optional.empty(), "sent"));
        assertThat(retention.run(tenant)).containsEntry("delivery decisions about you", 1);
        assertThat(decisions.recent(tenant, 10)).extracting(DecisionLog.Entry::messageKey).containsExactly("k2");

        clock.set(START.plus(Duration.ofDays(364)));
        assertThat(retention.run(tenant)).containsEntry("friction answers", 0).containsEntry("stories", 0);
        assertThat(friction.answersBy(tenant, dana)).isNotEmpty();
        assertThat(stories.story(tenant, id)).isPresent();

        clock.set(START.plus(Duration.ofDays(367)));
        assertThat(retention.run(tenant)).containsEntry("friction answers", 0).containsEntry("stories", 1);
        assertThat(stories.story(tenant, id)).isEmpty();
        assertThat(stories.toldBy(tenant, dana)).isEmpty();
        assertThat(redis.smembers(io.handoff.graph.TenantKeys.key(tenant, "stories:received:pat"))).isEmpty();

        clock.set(week.end().atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofDays(366)));
        assertThat(retention.run(tenant)).containsEntry("friction answers", 1);
        assertThat(friction.answersBy(tenant, dana)).isEmpty();
        assertThat(redis.smembers(io.handoff.graph.TenantKeys.key(tenant, "friction:mine:dana"))).isEmpty();
    }

    @Test
    void deprovisionedPeopleGoAfterTheirPeriodSilentOnesOnlyWhenTurnedOn() {
        SampleOrganisation.load(graph, tenant, START);
        Retention retention = retention(deprovisioned(pat, START));

        clock.set(START.plus(Duration.ofDays(29)));
        assertThat(retention.run(tenant)).containsEntry("people", 0);
        assertThat(graph.person(tenant, pat)).isPresent();
        clock.set(START.plus(Duration.ofDays(31)));
        assertThat(retention.run(tenant)).containsEntry("people", 1);
        assertThat(graph.person(tenant, pat)).isEmpty();

        clock.set(START.plus(Duration.ofDays(3000)));
        assertThat(retention.run(tenant)).as("silent people off by default").containsEntry("people", 0);
        assertThat(graph.person(tenant, dana)).isPresent();
        settings.save(tenant, settings.settings(tenant).with(RetentionSettings.SILENT_PEOPLE,
                java.time.Period.ofYears(2)));
        assertThat(retention.run(tenant).get("people")).isPositive();
        assertThat(graph.person(tenant, dana)).isEmpty();
    }

    @Test
    void myDataNamesHowLongEachKindIsKept() {
        settings.save(tenant, settings.settings(tenant).with(RetentionSettings.STORIES, java.time.Period.ofMonths(6)));

        DataSection section = new RetentionPersonalData(settings, kinds).describe(tenant, pat).get(0);

        assertThat(section.title()).isEqualTo("How long Handoff keeps your data");
        assertThat(String.join("\n", section.lines())).contains("Friction answers: 1 year", "Stories: 6 months",
                "Delivery decisions about you: 90 days", "removes you from its directory: 30 days after that",
                "while none of your handoffs changes: until you type forget-me");
    }

    /** One person deprovisioned at a moment, as the SCIM module's store answers. */
    private static Deprovisioning deprovisioned(PersonId person, Instant at) {
        return new Deprovisioning() {
            @Override
            public Optional<Instant> deprovisionedAt(TenantId tenant, PersonId who) {
                return who.equals(person) ? Optional.of(at) : Optional.empty();
            }

            @Override
            public Map<PersonId, Instant> deprovisionedBefore(TenantId tenant, Instant cutoff) {
                return at.isAfter(cutoff) ? Map.of() : Map.of(person, at);
            }
        };
    }

    private Retention retention(Deprovisioning deprovisioned) {
        // the graph's part of forget-me (the survey module's GraphPersonalData does the same, package-private there)
        PersonalData graphData = new PersonalData() {
            @Override
            public List<DataSection> describe(TenantId t, PersonId person) {
                return List.of();
            }

            @Override
            public List<String> erase(TenantId t, PersonId person) {
                return graph.deletePerson(t, person) ? List.of("profile") : List.of();
            }
        };
        List<PersonalData> stores = List.of(graphData);
        return new Retention(graph, settings, kinds, stores, deprovisioned,
                new Scheduler(redis, clock, Duration.ofDays(7)));
    }

    private static ExpiringData kind(String words, Setting<java.time.Period> setting,
                                     BiFunction<TenantId, Instant, Integer> expire) {
        return new ExpiringData() {
            @Override
            public String kind() {
                return words;
            }

            @Override
            public Setting<java.time.Period> keptFor() {
                return setting;
            }

            @Override
            public int expire(TenantId tenant, Instant cutoff) {
                return expire.apply(tenant, cutoff);
            }
        };
    }
}
