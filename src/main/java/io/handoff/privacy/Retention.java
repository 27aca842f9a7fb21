package io.handoff.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.graph.Deprovisioning;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.scheduler.DailySchedule;
import io.handoff.scheduler.Job;
import io.handoff.scheduler.JobHandler;
import io.handoff.scheduler.JobResult;
import io.handoff.scheduler.Scheduler;
import io.handoff.settings.TenantSettings;
import io.handoff.settings.TenantSettingsStore;

/**
 * The daily retention run of a tenant (job type {@value #TYPE}, id {@code retention:<date>}, 03:00 UTC, so one run
 * per tenant and day whichever replica claims it; kept scheduled by a {@code TenantJobStarter}). Each
 * {@link ExpiringData} kind deletes, through its own module's store, what is older than the tenant's setting; then
 * people are erased through every {@link PersonalData} store, as forget-me does: those {@link Deprovisioning} longer
 * ago than {@link RetentionSettings#DEPROVISIONED_PEOPLE}, and, when {@link RetentionSettings#SILENT_PEOPLE} is on,
 * the silent: people with handoffs none of which was named, confirmed, disputed or changed within it (the edges'
 * created, updated and last-confirmed times; a person with no handoff has no such time in the graph and is never
 * silent-expired). All steps are idempotent, so a run that dies half-way is simply run again.
 */
public final class Retention implements JobHandler {
    public static final String TYPE = "privacy.retention";
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final GraphStore graph;
    private final TenantSettingsStore settings;
    private final List<ExpiringData> kinds;
    private final List<PersonalData> stores;
    private final Deprovisioning deprovisioned;
    private final DailySchedule daily;
    private final Clock clock;

    public Retention(GraphStore graph, TenantSettingsStore settings, List<ExpiringData> kinds,
                     List<PersonalData> stores, Deprovisioning deprovisioned, Scheduler scheduler) {
        this.graph = Objects.requireNonNull(graph);
        this.settings = Objects.requireNonNull(settings);
        this.kinds = List.copyOf(kinds);
        this.stores = stores.stream().sorted(Comparator.comparingInt(PersonalData::eraseOrder)).toList();
        this.deprovisioned = Objects.requireNonNull(deprovisioned);
        this.daily = new DailySchedule(scheduler, "retention", TYPE, LocalTime.of(3, 0));
        this.clock = scheduler.clock();
    }

    @Override
    public String type() {
        return TYPE;
    }

    public void scheduleNext(TenantId tenant) {
        daily.scheduleNext(tenant);
    }

    @Override
    public JobResult handle(Job job) {
        if (graph.tenant(job.tenant()).isEmpty()) {
            return JobResult.done("tenant gone");
        }
        Map<String, Integer> expired = run(job.tenant());
        daily.scheduleTomorrow(job.tenant());
        log.info("retention of tenant {}: {}", job.tenant(), expired);
        return JobResult.done(expired.toString());
    }

    /** One run now: what went, by kind. */
    public Map<String, Integer> run(TenantId tenant) {
        TenantSettings tenantSettings = settings.settings(tenant);
        Instant now = clock.instant();
        Map<String, Integer> expired = new java.util.LinkedHashMap<>();
        for (ExpiringData kind : kinds) {
            Period kept = tenantSettings.get(kind.keptFor());
            if (!kept.isZero()) {
                expired.put(kind.kind(), kind.expire(tenant, cutoff(now, kept)));
            }
        }
        Set<PersonId> erase = new LinkedHashSet<>();
        Period deprovisionedKept = tenantSettings.get(RetentionSettings.DEPROVISIONED_PEOPLE);
        if (!deprovisionedKept.isZero()) {
            Instant cutoff = cutoff(now, deprovisionedKept);
            deprovisioned.deprovisionedBefore(tenant, cutoff).forEach((person, at) -> {
                if (at.isBefore(cutoff) && graph.person(tenant, person).isPresent()) {
                    erase.add(person);
                }
            });
        }
        Period silentKept = tenantSettings.get(RetentionSettings.SILENT_PEOPLE);
        if (!silentKept.isZero()) {
            erase.addAll(silent(graph.graph(tenant), cutoff(now, silentKept)));
        }
        for (PersonId person : erase) {
            for (PersonalData store : stores) {
                store.erase(tenant, person);
            }
        }
        expired.put("people", erase.size());
        return expired;
    }

    /** People with handoffs, none of them touched since {@code cutoff}. */
    static List<PersonId> silent(OrgGraph org, Instant cutoff) {
        Map<PersonId, Instant> latest = new HashMap<>();
        for (Handoff edge : org.edges()) {
            Instant touched = latest(edge);
            latest.merge(edge.upstream(), touched, (a, b) -> a.isAfter(b) ? a : b);
            latest.merge(edge.downstream(), touched, (a, b) -> a.isAfter(b) ? a : b);
        }
        List<PersonId> silent = new ArrayList<>();
        latest.forEach((person, at) -> {
            if (at.isBefore(cutoff)) {
                silent.add(person);
            }
        });
        silent.sort(Comparator.comparing(PersonId::value));
        return silent;
    }

    private static Instant latest(Handoff edge) {
        Instant at = edge.createdAt();
        for (Instant other : new Instant[] {edge.updatedAt(), edge.lastConfirmedAt()}) {
            if (other != null && other.isAfter(at)) {
                at = other;
            }
        }
        return at;
    }

    /** {@code now} minus a calendar period, in UTC. */
    static Instant cutoff(Instant now, Period kept) {
        return now.atZone(ZoneOffset.UTC).minus(kept).toInstant();
    }
}
