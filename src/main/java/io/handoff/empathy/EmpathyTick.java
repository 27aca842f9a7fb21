package io.handoff.empathy;

import io.handoff.nudge.Nudges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Action;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Paragraph;
import io.handoff.nudge.Engagement;
import io.handoff.friction.FrictionService;
import io.handoff.friction.Period;
import io.handoff.chat.port.TeamChannels;
import io.handoff.graph.GraphStore;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.scheduler.Job;
import io.handoff.scheduler.JobHandler;
import io.handoff.scheduler.JobResult;
import io.handoff.scheduler.Scheduler;

/**
 * The daily empathy job of a tenant (type {@value #TYPE}, id {@code empathy-tick:<date>}), which schedules the next
 * day's. It closes the friction period that ended and sends its digests, then lets the {@link PromptPlanner} send the
 * signal nudges and, for each person, what their calendar cadences make due ({@link DailyPrompts}): the period's
 * friction polls, a story prompt, a survey reminder for people who have not named their internal customers, in that
 * order of importance, with the engagement policy applied once (after {@value Engagement#ASK_AFTER} unanswered
 * prompts a person is asked once whether to pause instead). Every message goes out as a nudge (working hours, weekly
 * cap, pause), keyed so a re-run sends nothing twice.
 */
public final class EmpathyTick implements JobHandler {
    public static final String TYPE = "empathy.tick";
    private static final Logger log = LoggerFactory.getLogger(EmpathyTick.class);
    static final Duration PRIORITY_STEP = PromptPlanner.PRIORITY_STEP;

    private final GraphStore graph;
    private final FrictionService friction;
    private final EmpathySignals signals;
    private final Nudges nudges;
    private final PromptPlanner planner;
    private final TeamChannels channels;
    private final Scheduler scheduler;
    private final Clock clock;

    public EmpathyTick(GraphStore graph, FrictionService friction, StoryPrompts prompts, EmpathySignals signals,
                       Engagement engagement, Nudges nudges, TeamChannels channels, Scheduler scheduler, Clock clock) {
        this.graph = Objects.requireNonNull(graph);
        this.friction = Objects.requireNonNull(friction);
        this.signals = Objects.requireNonNull(signals);
        this.nudges = Objects.requireNonNull(nudges);
        this.planner = new PromptPlanner(engagement, nudges, DailyPrompts.periodPolls(friction, engagement),
                List.of(DailyPrompts.storyPrompt(prompts, engagement), DailyPrompts.surveyReminder(engagement)));
        this.channels = Objects.requireNonNull(channels);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Schedules the tenant's next tick: today's 07:00 UTC if that is still ahead, else tomorrow's. Idempotent. */
    public void scheduleNext(TenantId tenant) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        scheduleFor(tenant, now.isBefore(today.atTime(7, 0).toInstant(ZoneOffset.UTC)) ? today : today.plusDays(1));
    }

    /** The tick of {@code day} for the tenant (scheduled once; a second call changes nothing). */
    public void scheduleFor(TenantId tenant, LocalDate day) {
        Instant at = day.atTime(7, 0).toInstant(ZoneOffset.UTC);
        scheduler.scheduleIfAbsent(Job.of(tenant, "empathy-tick:" + day, TYPE, "", at));
    }

    @Override
    public JobResult handle(Job job) {
        TenantId tenant = job.tenant();
        if (graph.tenant(tenant).isEmpty()) {
            return JobResult.done("tenant gone");
        }
        Stats stats = run(tenant);
        scheduleFor(tenant, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1));
        log.info("empathy tick of tenant {}: {}", tenant, stats);
        return JobResult.done(stats.toString());
    }

    /** What one tick sent. */
    public record Stats(int digests, int signals, int polls, int storyPrompts, int reminders, int pauseQuestions) {
    }

    public Stats run(TenantId tenant) {
        int digests = closeLastPeriod(tenant);
        List<SignalNudge> signalNudges = signals.scan(tenant);
        EmpathySettings settings = signals.settings(tenant);
        Period period = friction.currentPeriod(tenant);
        Instant now = clock.instant();
        PromptPlanner.Planned planned = planner.plan(new DailyPrompt.Tick(tenant, now, settings, period,
                graph.graph(tenant)), signalNudges);
        for (TenantId other : graph.tenants()) {
            scheduleFor(other, LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1));
        }
        return new Stats(digests, planned.signals(), planned.prompts().get(0), planned.prompts().get(1),
                planned.prompts().get(2), planned.pauseQuestions());
    }

    private int closeLastPeriod(TenantId tenant) {
        Period last = friction.currentPeriod(tenant).previous();
        if (friction.store().closed(tenant, last)) {
            return 0;
        }
        FrictionService.ClosedPeriod closed = friction.close(tenant, last);
        Map<TeamId, Message> digests = friction.digests(tenant, closed);
        for (Notification notification : friction.digestNotifications(tenant, closed, digests)) {
            nudges.send(tenant, notification, clock.instant());
        }
        digests.forEach((team, message) -> {
            if (channels.configured(tenant, team)) {
                channels.post(tenant, team, message, "friction-digest:" + last.id() + ":" + team.value());
            }
        });
        return digests.size();
    }

    static Message surveyReminder() {
        String text = "Who depends on your work? Naming your internal customers takes two minutes, and they will "
                + "hear what you hand them.";
        return new Message(text, List.of(Paragraph.of(text),
                Buttons.of(Button.primary("Map my customers", new Action("survey.start", "")))));
    }
}
