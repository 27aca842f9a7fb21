package io.handoff.empathy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Notification;
import io.handoff.friction.FrictionFixture;
import io.handoff.graph.Criticality;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.scheduler.JobState;
import io.handoff.scheduler.Scheduler;

class EmpathyTickTest {
    private final FrictionFixture f = new FrictionFixture();
    private final StoryStore stories = new StoryStore(f.redis);
    private final StoryPrompts prompts = new StoryPrompts(f.graph, stories, f.clock);
    private final EmpathySignals signals = new EmpathySignals(f.graph, stories, f.friction, new SignalStore(f.redis),
            f.clock, tenant -> EmpathySettings.defaults());
    private final List<Notification> sent = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private final Map<String, Instant> notBefore = new HashMap<>();
    private final RecordingChannels channels = new RecordingChannels(TeamId.of("preload"));
    private final Scheduler scheduler = new Scheduler(f.redis, f.clock, Duration.ofDays(7));
    private final EmpathyTick tick = new EmpathyTick(f.graph, f.friction, prompts, signals, f.engagement,
            (tenant, n, at) -> keys.add(n.key()) && sent.add(n) && notBefore.put(n.key(), at) == null,
            channels, scheduler, f.clock);

    EmpathyTickTest() {
        f.confirmed("ana", "d1", "loaded trucks", Criticality.IMPORTANT);
    }

    private List<Notification> to(String person) {
        return sent.stream().filter(n -> n.to().equals(PersonId.of(person))).toList();
    }

    private List<String> summariesTo(String person) {
        return to(person).stream().map(n -> n.message().summary()).toList();
    }

    @Test
    void pollsStoryPromptsAndRemindersFollowTheirCadences() {
        tick.run(f.tenant);

        assertThat(summariesTo("d1")).containsExactlyInAnyOrder(
                "How well did Ana Silva's loaded trucks serve you this week?",
                "Walk Ana through the moment you receive their loaded trucks. What does a good day look like? "
                        + "What happens on a bad one?",
                EmpathyTick.surveyReminder().summary());
        // Ana named d1 as her customer: no survey reminder for her, no poll (nobody hands her anything)
        assertThat(summariesTo("ana")).isEmpty();
        // in order of importance, so the weekly cap keeps the poll: poll, story prompt, reminder
        assertThat(to("d1")).extracting(n -> notBefore.get(n.key())).containsExactly(f.clock.instant(),
                f.clock.instant().plus(EmpathyTick.PRIORITY_STEP),
                f.clock.instant().plus(EmpathyTick.PRIORITY_STEP.multipliedBy(2)));
        assertThat(to("d1").get(0).key()).startsWith("friction-poll:");

        sent.clear();
        f.clock.advance(Duration.ofDays(1));
        tick.run(f.tenant);
        assertThat(sent).isEmpty();

        f.clock.advance(Duration.ofDays(6));
        tick.run(f.tenant);
        assertThat(summariesTo("d1")).hasSize(3).contains("How well did Ana Silva's loaded trucks serve you this week?");
        assertThat(to("d1")).extracting(Notification::key).contains("friction-poll:2426-W49:ana>d1");
    }

    @Test
    void afterThreeUnansweredPromptsItAsksOnceWhetherToPauseThenLeavesThePersonAlone() {
        for (int week = 0; week < 3; week++) {
            tick.run(f.tenant);
            f.clock.advance(Duration.ofDays(7));
        }
        assertThat(f.engagement.unanswered(f.tenant, PersonId.of("d1"))).isEqualTo(3);
        sent.clear();

        tick.run(f.tenant);
        assertThat(summariesTo("d1")).containsExactly(NudgeMessages.pauseQuestion().summary());

        sent.clear();
        f.clock.advance(Duration.ofDays(7));
        tick.run(f.tenant);
        f.clock.advance(Duration.ofDays(7));
        tick.run(f.tenant);
        assertThat(to("d1")).isEmpty();

        f.rate("ana", "d1", 3, null);
        f.clock.advance(Duration.ofDays(7));
        tick.run(f.tenant);
        assertThat(to("d1")).isNotEmpty();
    }

    @Test
    void aNewPeriodClosesTheLastOneAndSendsItsDigestToManagersAndTheTeamChannel() {
        for (int i = 2; i <= 3; i++) {
            f.confirmed("ana", "d" + i, "loaded trucks", Criticality.IMPORTANT);
        }
        tick.run(f.tenant);
        for (int i = 1; i <= 3; i++) {
            f.rate("ana", "d" + i, 4, null);
        }
        sent.clear();
        f.clock.advance(Duration.ofDays(7));

        EmpathyTick.Stats stats = tick.run(f.tenant);

        assertThat(stats.digests()).isEqualTo(1);
        assertThat(summariesTo("lee")).contains("Pre-load: friction scores for the week of 23 Nov");
        assertThat(summariesTo("ravi")).noneMatch(s -> s.contains("friction scores"));
        assertThat(channels.posts).singleElement().satisfies(p -> assertThat(p.team()).isEqualTo(TeamId.of("preload")));
        assertThat(tick.run(f.tenant).digests()).isZero();
    }

    @Test
    void theJobSchedulesTheNextDaysTick() {
        tick.handle(io.handoff.scheduler.Job.of(f.tenant, "empathy-tick:2426-11-23", EmpathyTick.TYPE, "", f.clock.instant()));

        assertThat(scheduler.job(f.tenant, "empathy-tick:2426-11-24")).hasValueSatisfying(info -> {
            assertThat(info.state()).isEqualTo(JobState.DUE);
            assertThat(info.job().dueAt()).hasToString("2426-11-24T07:00:00Z");
        });
    }

    /** Issue 19, bug 2: the rotation's story prompt and a signal's story prompt share one key, so one goes out. */
    @Test
    void aSignalAndTheRotationNeverPromptTheSameStoryTwiceInOneWeek() {
        f.confirmed("bob", "d2", "pallets", Criticality.CRITICAL);

        tick.run(f.tenant);

        List<Notification> storyPrompts = to("d2").stream()
                .filter(n -> n.message().summary().contains("Walk Bob through the moment")).toList();
        assertThat(storyPrompts).singleElement().satisfies(n -> {
            assertThat(n.message().summary()).startsWith("You said your day depends on this handoff from Bob");
            assertThat(n.key()).isEqualTo("prompt:story:bob>d2:d2:2426-W48");
        });
    }
}
