package io.handoff.empathy;

import io.handoff.nudge.Nudges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
import io.handoff.friction.FrictionSettings;
import io.handoff.friction.Period;
import io.handoff.chat.port.TeamChannels;
import io.handoff.graph.GraphStore;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Side;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.scheduler.Job;
import io.handoff.scheduler.JobHandler;
import io.handoff.scheduler.JobResult;
import io.handoff.scheduler.Scheduler;

/**
 * The daily empathy job of a tenant (type {@value #TYPE}, id {@code empathy-tick:<date>}), which schedules the next
 * day's. It closes the friction period that ended and sends its digests, sends the signal nudges, and for each person
 * sends what their calendar cadences make due: the period's friction polls, a story prompt, a survey reminder for
 * people who have not named their internal customers. After {@value Engagement#ASK_AFTER} unanswered prompts a
 * person is asked once whether to pause instead, then left alone until they answer something. Every message goes
 * out as a nudge (working hours, weekly cap, pause), keyed so a re-run sends nothing twice.
 *
 * <p>A person's nudges of one tick are queued in order of importance, {@link #PRIORITY_STEP} apart: the period's
 * friction polls (critical handoffs first; they belong to this period), then signal nudges, the story prompt, the
 * survey reminder. The weekly cap then keeps the most important ones this week and puts the rest off, instead of
 * letting the order of equal due times decide.
 */
public final class EmpathyTick implements JobHandler {
    public static final String TYPE = "empathy.tick";
    private static final Logger log = LoggerFactory.getLogger(EmpathyTick.class);
    static final String POLL = "poll";
    static final String STORY_AT = "story-at";
    static final String REMINDER_AT = "reminder-at";
    static final Duration PRIORITY_STEP = Duration.ofSeconds(2);

    private final GraphStore graph;
    private final FrictionService friction;
    private final StoryPrompts prompts;
    private final EmpathySignals signals;
    private final Engagement engagement;
    private final Nudges nudges;
    private final TeamChannels channels;
    private final Scheduler scheduler;
    private final Clock clock;

    public EmpathyTick(GraphStore graph, FrictionService friction, StoryPrompts prompts, EmpathySignals signals,
                       Engagement engagement, Nudges nudges, TeamChannels channels, Scheduler scheduler, Clock clock) {
        this.graph = Objects.requireNonNull(graph);
        this.friction = Objects.requireNonNull(friction);
        this.prompts = Objects.requireNonNull(prompts);
        this.signals = Objects.requireNonNull(signals);
        this.engagement = Objects.requireNonNull(engagement);
        this.nudges = Objects.requireNonNull(nudges);
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
        Map<PersonId, List<Notification>> signalsFor = new LinkedHashMap<>();
        for (SignalNudge nudge : signals.scan(tenant)) {
            signalsFor.computeIfAbsent(nudge.notification().to(), id -> new ArrayList<>()).add(nudge.notification());
        }
        int signalCount = 0;
        int polls = 0;
        int stories = 0;
        int reminders = 0;
        int pauses = 0;
        FrictionSettings settings = friction.settings(tenant);
        Period period = friction.currentPeriod(tenant);
        Instant now = clock.instant();
        OrgGraph org = graph.graph(tenant);
        for (Person person : org.people().values()) {
            PersonId id = person.id();
            boolean pollDue = !engagement.last(tenant, id, POLL).equals(Optional.of(period.id()));
            List<Notification> due = new ArrayList<>(pollDue ? friction.polls(tenant, id) : List.of());
            int pollCount = due.size();
            boolean storyDue = elapsed(tenant, id, STORY_AT, settings.storyPromptEvery(), now)
                    && prompts.next(tenant, id).isPresent();
            boolean reminderDue = elapsed(tenant, id, REMINDER_AT, settings.surveyReminderEvery(), now)
                    && !namedCustomers(org, id);
            if (due.isEmpty() && !storyDue && !reminderDue) {
                if (pollDue) {
                    engagement.mark(tenant, id, POLL, period.id());
                }
                continue;
            }
            switch (engagement.next(tenant, id)) {
                case LEAVE_ALONE -> {
                    continue;
                }
                case ASK_WHETHER_TO_PAUSE -> {
                    nudges.send(tenant, new Notification(id, NudgeMessages.pauseQuestion(),
                            "pause-question:" + id.value() + ":" + now.getEpochSecond() / 86400), now);
                    engagement.pauseAsked(tenant, id, now);
                    pauses++;
                    continue;
                }
                case PROMPT -> {
                }
            }
            if (storyDue) {
                prompts.nextPrompt(tenant, id).ifPresent(due::add);
                engagement.mark(tenant, id, STORY_AT, Long.toString(now.getEpochSecond()));
                stories++;
            }
            if (reminderDue) {
                due.add(new Notification(id, surveyReminder(), "survey-reminder:" + id.value() + ":"
                        + now.getEpochSecond() / 86400));
                engagement.mark(tenant, id, REMINDER_AT, Long.toString(now.getEpochSecond()));
                reminders++;
            }
            engagement.mark(tenant, id, POLL, period.id());
            polls += pollCount;
            List<Notification> personSignals = Optional.ofNullable(signalsFor.remove(id)).orElse(List.of());
            due.addAll(pollCount, personSignals);
            for (int i = 0; i < due.size(); i++) {
                boolean queued = nudges.send(tenant, due.get(i), now.plus(PRIORITY_STEP.multipliedBy(i)));
                if (queued && i >= pollCount && i < pollCount + personSignals.size()) {
                    signalCount++;
                }
            }
            engagement.prompted(tenant, id);
        }
        // Signals for people who got nothing else today (or are left alone by the calendar) go out on their own.
        for (List<Notification> pending : signalsFor.values()) {
            for (Notification notification : pending) {
                if (nudges.send(tenant, notification, now)) {
                    signalCount++;
                }
            }
        }
        for (TenantId other : graph.tenants()) {
            scheduleFor(other, LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1));
        }
        return new Stats(digests, signalCount, polls, stories, reminders, pauses);
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

    private boolean elapsed(TenantId tenant, PersonId person, String kind, Duration every, Instant now) {
        return engagement.last(tenant, person, kind)
                .map(epoch -> Instant.ofEpochSecond(Long.parseLong(epoch)).plus(every).isBefore(now.plusSeconds(3600)))
                .orElse(true);
    }

    private static boolean namedCustomers(OrgGraph org, PersonId person) {
        return org.edges().stream().anyMatch(e -> e.upstream().equals(person) && e.claimedBy().includes(Side.UPSTREAM));
    }

    static Message surveyReminder() {
        String text = "Who depends on your work? Naming your internal customers takes two minutes, and they will "
                + "hear what you hand them.";
        return new Message(text, List.of(Paragraph.of(text),
                Buttons.of(Button.primary("Map my customers", new Action("survey.start", "")))));
    }
}
