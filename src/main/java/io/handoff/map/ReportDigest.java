package io.handoff.map;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Block;
import io.handoff.chat.Notification;
import io.handoff.chat.Paragraph;
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.Team;
import io.handoff.graph.TenantId;
import io.handoff.nudge.NudgeKey;
import io.handoff.nudge.Nudges;
import io.handoff.scheduler.Job;
import io.handoff.scheduler.JobHandler;
import io.handoff.scheduler.JobResult;
import io.handoff.scheduler.Scheduler;
import io.handoff.settings.TenantSettingsStore;

/**
 * The weekly manager report digest of a tenant (type {@value #TYPE}, id {@code report-digest:<ISO week>}, due Monday
 * 07:00 UTC), which schedules the next week's. When the tenant's {@code managerReportDigest} setting is on, every team
 * manager gets their {@link ManagerReport} (all the teams they manage, in one message) as a nudge keyed
 * {@code report-digest:<ISO week>:<person>}, so a re-run of the job sends nothing twice.
 */
final class ReportDigest implements JobHandler {
    public static final String TYPE = "map.report-digest";
    private static final Logger log = LoggerFactory.getLogger(ReportDigest.class);

    private final GraphStore graph;
    private final MapAccess access;
    private final ManagerReport report;
    private final TenantSettingsStore settings;
    private final Nudges nudges;
    private final Scheduler scheduler;
    private final Clock clock;

    public ReportDigest(GraphStore graph, MapAccess access, ManagerReport report, TenantSettingsStore settings,
                        Nudges nudges, Scheduler scheduler) {
        this.graph = Objects.requireNonNull(graph);
        this.access = Objects.requireNonNull(access);
        this.report = Objects.requireNonNull(report);
        this.settings = Objects.requireNonNull(settings);
        this.nudges = Objects.requireNonNull(nudges);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.clock = scheduler.clock();
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Schedules the tenant's next digest: this Monday's 07:00 UTC if still ahead, else next Monday's. Idempotent. */
    public void scheduleNext(TenantId tenant) {
        Instant now = clock.instant();
        LocalDate monday = LocalDate.ofInstant(now, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        scheduleFor(tenant, now.isBefore(at(monday)) ? monday : monday.plusWeeks(1));
    }

    /** The digest of the week starting on {@code monday} (scheduled once; a second call changes nothing). */
    public void scheduleFor(TenantId tenant, LocalDate monday) {
        scheduler.scheduleIfAbsent(Job.of(tenant, "report-digest:" + week(monday), TYPE, "", at(monday)));
    }

    @Override
    public JobResult handle(Job job) {
        TenantId tenant = job.tenant();
        if (graph.tenant(tenant).isEmpty()) {
            return JobResult.done("tenant gone");
        }
        LocalDate monday = LocalDate.ofInstant(job.dueAt(), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int sent = send(tenant, monday);
        scheduleFor(tenant, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
        log.info("report digest of tenant {} for {}: {} reports", tenant, week(monday), sent);
        return JobResult.done(sent + " reports");
    }

    /**
     * Sends the week's report to every manager who has not had it yet, when the tenant turned the digest on; returns
     * how many were queued now.
     */
    public int send(TenantId tenant, LocalDate monday) {
        if (!settings.settings(tenant).get(MapSettings.MANAGER_REPORT_DIGEST)) {
            return 0;
        }
        Set<PersonId> managers = new TreeSet<>();
        graph.teamMap(tenant).teams().values().stream().map(Team::managers).forEach(managers::addAll);
        int sent = 0;
        for (PersonId manager : managers) {
            if (graph.person(tenant, manager).isEmpty()) {
                continue;
            }
            ManagerReport.Report r = report.build(tenant, access.viewer(tenant, manager));
            List<Block> after = List.of(Paragraph.of("Your weekly Handoff report. Type 'report' for the latest, "
                    + "'map' for the picture."));
            String key = "report-digest:" + week(monday) + ":" + manager.value();
            if (nudges.send(tenant, new Notification(manager, r.message(after), key), clock.instant())) {
                sent++;
            }
        }
        return sent;
    }

    static String week(LocalDate day) {
        return NudgeKey.isoWeek(day);
    }

    private static Instant at(LocalDate monday) {
        return monday.atTime(7, 0).toInstant(ZoneOffset.UTC);
    }
}
