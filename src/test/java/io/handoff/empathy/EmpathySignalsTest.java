package io.handoff.empathy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.handoff.friction.FrictionFixture;
import io.handoff.graph.Criticality;
import io.handoff.graph.Health;
import io.handoff.graph.PersonId;

class EmpathySignalsTest {
    private final FrictionFixture f = new FrictionFixture();
    private final StoryStore stories = new StoryStore(f.redis);
    private final EmpathySignals signals = new EmpathySignals(f.graph, stories, f.friction, new SignalStore(f.redis),
            f.clock, tenant -> EmpathySettings.defaults());

    private List<SignalNudge> scan() {
        return signals.scan(f.tenant);
    }

    private static Map<Signal, Long> count(List<SignalNudge> nudges) {
        return nudges.stream().collect(java.util.stream.Collectors.groupingBy(SignalNudge::signal,
                java.util.stream.Collectors.counting()));
    }

    @Test
    void aCriticalHandoffWithoutAStoryPromptsItsDownstreamOnce() {
        f.confirmed("ana", "d1", "loaded trucks", Criticality.CRITICAL);
        f.confirmed("bob", "d1", "pallets", Criticality.ROUTINE);

        List<SignalNudge> first = scan();
        List<SignalNudge> second = scan();

        assertThat(first).singleElement().satisfies(n -> {
            assertThat(n.signal()).isEqualTo(Signal.CRITICAL_WITHOUT_STORY);
            assertThat(n.notification().to()).isEqualTo(PersonId.of("d1"));
            assertThat(n.notification().message().summary()).startsWith(
                    "You said your day depends on this handoff from Ana").contains("Walk Ana through the moment");
        });
        assertThat(second).isEmpty();
    }

    @Test
    void aHandoffTurningBlockingPromptsOncePerEpisode() {
        f.confirmed("ana", "d1", "loaded trucks", Criticality.IMPORTANT);
        scan();
        setHealth(Health.BLOCKING);

        List<SignalNudge> blocked = scan();
        List<SignalNudge> stillBlocked = scan();
        setHealth(Health.OK);
        scan();
        setHealth(Health.BLOCKING);
        List<SignalNudge> blockedAgain = scan();

        assertThat(count(blocked)).containsExactly(Map.entry(Signal.TURNED_BLOCKING, 1L));
        assertThat(blocked.get(0).notification().message().summary())
                .startsWith("This handoff from Ana is marked as blocking your work.");
        assertThat(stillBlocked).isEmpty();
        assertThat(count(blockedAgain)).containsExactly(Map.entry(Signal.TURNED_BLOCKING, 1L));
    }

    @Test
    void aNewJoinerOnEitherSideIsAnnouncedOnceButNotThePeopleOfTheFirstScan() {
        f.confirmed("ana", "d1", "loaded trucks", Criticality.ROUTINE);
        assertThat(scan()).isEmpty();

        f.clock.advance(Duration.ofDays(1));
        f.person("newbie", "Nia Newcomer", "drivers");
        f.confirmed("ana", "newbie", "loaded trucks", Criticality.ROUTINE);
        f.person("fresh", "Finn Fresh", "preload");
        f.confirmed("fresh", "d1", "pallet labels", Criticality.ROUTINE);

        List<SignalNudge> joiners = scan();

        assertThat(count(joiners)).containsExactly(Map.entry(Signal.NEW_JOINER, 2L));
        assertThat(joiners).anySatisfy(n -> {
            assertThat(n.notification().to()).isEqualTo(PersonId.of("ana"));
            assertThat(n.notification().message().summary()).startsWith("Nia Newcomer is new and depends on your loaded trucks");
        });
        assertThat(joiners).anySatisfy(n -> {
            assertThat(n.notification().to()).isEqualTo(PersonId.of("d1"));
            assertThat(n.notification().message().summary()).startsWith("Finn Fresh is new to handing you this.");
        });
        assertThat(scan()).isEmpty();
    }

    @Test
    void aStaleHandoffAsksItsDownstreamWhetherItStillHoldsOnce() {
        f.confirmed("ana", "d1", "loaded trucks", Criticality.ROUTINE);
        scan();
        f.clock.advance(Duration.ofDays(183));

        List<SignalNudge> stale = scan();

        assertThat(count(stale)).containsExactly(Map.entry(Signal.STALE, 1L));
        assertThat(stale.get(0).notification().message().summary())
                .isEqualTo("Is this still true? Ana Silva hands you loaded trucks (last confirmed 2426-11-23).");
        assertThat(scan()).isEmpty();
    }

    @Test
    void aFallingFrictionScoreTellsTheUpstreamOnce() {
        for (int i = 1; i <= 3; i++) {
            f.confirmed("ana", "d" + i, "loaded trucks", Criticality.IMPORTANT);
            f.rate("ana", "d" + i, 4, null);
        }
        f.friction.close(f.tenant, f.friction.currentPeriod(f.tenant));
        f.clock.advance(Duration.ofDays(7));
        for (int i = 1; i <= 3; i++) {
            f.rate("ana", "d" + i, 2, null);
        }
        f.friction.close(f.tenant, f.friction.currentPeriod(f.tenant));
        f.clock.advance(Duration.ofDays(7));

        List<SignalNudge> fell = scan();

        assertThat(count(fell)).containsExactly(Map.entry(Signal.FRICTION_FELL, 1L));
        assertThat(fell.get(0).notification().to()).isEqualTo(PersonId.of("ana"));
        assertThat(fell.get(0).notification().message().summary()).startsWith(
                "Delivery drivers rated your loaded trucks lower in the week of 30 Nov: 2.0 from 3 answers, down 2.0 from 4.0.");
        assertThat(scan()).isEmpty();
    }

    private void setHealth(Health health) {
        f.graph.update(f.tenant, PersonId.of("ana"), PersonId.of("d1"),
                edge -> edge.map(e -> e.withHealth(health, f.clock.instant())));
    }
}
