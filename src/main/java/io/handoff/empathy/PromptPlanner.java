package io.handoff.empathy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.handoff.chat.Notification;
import io.handoff.nudge.Engagement;
import io.handoff.nudge.Nudges;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;

/**
 * Plans what the daily tick sends each person: asks every {@link DailyPrompt} kind what is due for them and applies
 * the engagement policy once. Nothing due: each kind hears the tick went past. Otherwise, after
 * {@value Engagement#ASK_AFTER} unanswered prompts the person is asked once whether to pause instead, then left alone
 * until they answer something; else every due prompt goes out as a nudge (working hours, weekly cap, pause).
 *
 * <p>A person's nudges of one tick are queued in order of importance, {@link #PRIORITY_STEP} apart: the period's
 * friction polls (they belong to this period), then the person's signal nudges, then the later kinds in the order
 * given. The weekly cap then keeps the most important ones this week and puts the rest off, instead of letting the
 * order of equal due times decide. Signal nudges never make a person due on their own: they ride along with the
 * person's prompts, or go out on their own once every person was planned.
 */
final class PromptPlanner {
    static final Duration PRIORITY_STEP = Duration.ofSeconds(2);

    private final Engagement engagement;
    private final Nudges nudges;
    private final List<DailyPrompt> kinds;

    /** {@code polls} come first, the signal nudges next, then {@code later} in that order. */
    PromptPlanner(Engagement engagement, Nudges nudges, DailyPrompt polls, List<DailyPrompt> later) {
        this.engagement = Objects.requireNonNull(engagement);
        this.nudges = Objects.requireNonNull(nudges);
        List<DailyPrompt> all = new ArrayList<>();
        all.add(Objects.requireNonNull(polls));
        all.addAll(later);
        this.kinds = List.copyOf(all);
    }

    /** What a tick queued: per kind (polls first, then {@code later}) the prompts counted, signals, pause questions. */
    record Planned(List<Integer> prompts, int signals, int pauseQuestions) {
    }

    Planned plan(DailyPrompt.Tick tick, List<SignalNudge> signals) {
        TenantId tenant = tick.tenant();
        Instant now = tick.now();
        Map<PersonId, List<Notification>> signalsFor = new LinkedHashMap<>();
        for (SignalNudge nudge : signals) {
            signalsFor.computeIfAbsent(nudge.notification().to(), id -> new ArrayList<>()).add(nudge.notification());
        }
        int[] counted = new int[kinds.size()];
        int signalCount = 0;
        int pauses = 0;
        for (Person person : tick.org().people().values()) {
            PersonId id = person.id();
            List<DailyPrompt.Due> due = kinds.stream().map(kind -> kind.due(tick, id)).toList();
            if (due.stream().noneMatch(DailyPrompt.Due::pending)) {
                due.forEach(d -> d.passed().run());
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
            List<Notification> queue = new ArrayList<>();
            int signalsFrom = -1;
            int signalsTo = -1;
            for (int k = 0; k < due.size(); k++) {
                DailyPrompt.Due d = due.get(k);
                if (d.pending()) {
                    queue.addAll(d.messages().get());
                    d.prompted().run();
                    counted[k] += d.count();
                } else {
                    d.passed().run();
                }
                if (k == 0) {
                    List<Notification> personSignals = Optional.ofNullable(signalsFor.remove(id)).orElse(List.of());
                    signalsFrom = queue.size();
                    queue.addAll(personSignals);
                    signalsTo = queue.size();
                }
            }
            for (int i = 0; i < queue.size(); i++) {
                boolean queued = nudges.send(tenant, queue.get(i), now.plus(PRIORITY_STEP.multipliedBy(i)));
                if (queued && i >= signalsFrom && i < signalsTo) {
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
        List<Integer> prompts = new ArrayList<>();
        for (int count : counted) {
            prompts.add(count);
        }
        return new Planned(List.copyOf(prompts), signalCount, pauses);
    }
}
