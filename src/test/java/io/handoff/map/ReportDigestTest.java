package io.handoff.map;

import io.handoff.friction.FrictionSettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.handoff.delivery.Outbox;
import io.handoff.graph.PersonId;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.nudge.OutboxNudges;
import io.handoff.scheduler.Job;
import io.handoff.scheduler.JobInfo;
import io.handoff.scheduler.JobResult;
import io.handoff.scheduler.Scheduler;
import io.handoff.settings.TenantSettings;
import io.handoff.settings.TenantSettingsStore;
import io.handoff.testing.AllSettings;
import io.handoff.testing.TestRedis;

/** The weekly manager report digest on the demo organisation, with the real scheduler and outbox in the test Redis. */
class ReportDigestTest {
    /** A Wednesday: the next digest is due Monday 2026-11-30 07:00 UTC (ISO week 2026-W49). */
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    private final MapFixture fixture = new MapFixture();
    private final TenantId tenant = fixture.tenant;
    private final Scheduler scheduler = new Scheduler(TestRedis.client(), Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofDays(7));
    private final Outbox outbox = new Outbox(scheduler);
    private final TenantSettingsStore settings = AllSettings.store(TestRedis.client());
    private final ReportDigest digest = new ReportDigest(fixture.store, new MapAccess(fixture.store, Map.of()),
            new ManagerReport(fixture.store, FrictionScores.NONE, List.of(), List.of()), settings, new OutboxNudges(outbox), scheduler);

    private Set<PersonId> managers() {
        Set<PersonId> managers = new TreeSet<>();
        fixture.store.teamMap(tenant).teams().values().stream().map(Team::managers).forEach(managers::addAll);
        return managers;
    }

    private Optional<JobInfo> sent(String week, PersonId manager) {
        return outbox.status(tenant, "report-digest:" + week + ":" + manager.value());
    }

    private void enable(boolean on) {
        settings.save(tenant, TenantSettings.defaults().with(MapSettings.MANAGER_REPORT_DIGEST, on));
        assertThat(settings.settings(tenant).get(MapSettings.MANAGER_REPORT_DIGEST)).isEqualTo(on);
    }

    @Test
    void isScheduledOncePerTenantForMondayMorningOfTheIsoWeek() {
        digest.scheduleNext(tenant);
        digest.scheduleNext(tenant);

        JobInfo job = scheduler.job(tenant, "report-digest:2026-W49").orElseThrow();
        assertThat(job.job().type()).isEqualTo(ReportDigest.TYPE);
        assertThat(job.job().dueAt()).isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
        assertThat(ReportDigest.week(LocalDate.of(2027, 1, 4))).isEqualTo("2027-W01");
    }

    @Test
    void sendsEachManagerTheirReportOnceAWeekWhenEnabled() {
        enable(true);
        Set<PersonId> managers = managers();
        assertThat(managers).contains(PersonId.of("lee"), PersonId.of("ravi"), PersonId.of("mia"), PersonId.of("wen"));
        Job job = Job.of(tenant, "report-digest:2026-W49", ReportDigest.TYPE, "", MONDAY.atTime(7, 0)
                .toInstant(ZoneOffset.UTC));

        JobResult first = digest.handle(job);
        JobResult again = digest.handle(job);

        assertThat(first).isEqualTo(JobResult.done(managers.size() + " reports"));
        assertThat(again).isEqualTo(JobResult.done("0 reports"));
        for (PersonId manager : managers) {
            String payload = sent("2026-W49", manager).orElseThrow().job().payload();
            assertThat(payload).contains("Handoff report for").contains("Your weekly Handoff report");
        }
        assertThat(sent("2026-W49", PersonId.of("lee")).orElseThrow().job().payload())
                .contains("Pre-load (night shift)").doesNotContain("Handoff report for Dispatch");
        assertThat(sent("2026-W49", PersonId.of("pat"))).isEmpty();
        // the next week's digest sends under next week's keys, again once
        assertThat(digest.send(tenant, MONDAY.plusWeeks(1))).isEqualTo(managers.size());
        assertThat(digest.send(tenant, MONDAY.plusWeeks(1))).isZero();
    }

    @Test
    void sendsNothingWhenTheTenantHasNotEnabledIt() {
        Job job = Job.of(tenant, "report-digest:2026-W49", ReportDigest.TYPE, "", MONDAY.atTime(7, 0)
                .toInstant(ZoneOffset.UTC));
        JobResult byDefault = digest.handle(job);
        enable(false);
        JobResult disabled = digest.handle(job);

        assertThat(TenantSettings.defaults().get(MapSettings.MANAGER_REPORT_DIGEST)).isFalse();
        assertThat(byDefault).isEqualTo(JobResult.done("0 reports"));
        assertThat(disabled).isEqualTo(JobResult.done("0 reports"));
        for (PersonId manager : managers()) {
            assertThat(sent("2026-W49", manager)).isEmpty();
        }
        assertThat(scheduler.job(tenant, "report-digest:2026-W49")).isPresent();
    }

    @Test
    void mapsHideFrictionBelowTheTenantsOwnMinimum() {
        FrictionScores friction = new FrictionScores() {
            @Override
            public Optional<FrictionAggregate> handoff(TenantId t, PersonId up, PersonId down) {
                return Optional.of(new FrictionAggregate(0.8, 4, List.of(0.8)));
            }

            @Override
            public Optional<FrictionAggregate> teams(TenantId t, TeamId up, TeamId down) {
                return Optional.empty();
            }
        };
        MapBuilder builder = new MapBuilder(friction, MapBuilder.DEFAULT_COLLAPSE_ABOVE,
                t -> settings.settings(t).get(FrictionSettings.MIN_RESPONDENTS));

        assertThat(fixture.store.graph(tenant).edges()).isNotEmpty();
        boolean shownAtDefault = builder.people(tenant, new MapScope.Org(), "org", fixture.store.graph(tenant))
                .edges().stream().allMatch(e -> e.friction().isPresent());
        settings.save(tenant, TenantSettings.defaults().with(FrictionSettings.MIN_RESPONDENTS, 5));
        boolean shownAtFive = builder.people(tenant, new MapScope.Org(), "org", fixture.store.graph(tenant))
                .edges().stream().anyMatch(e -> e.friction().isPresent());

        assertThat(shownAtDefault).isTrue();
        assertThat(shownAtFive).isFalse();
    }
}
