package io.handoff.graph;

import static io.handoff.graph.StoreFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The order an import writes its handoffs in (no Redis: the order alone). */
class ImportOrderTest {
    private static final int BATCH = 500;

    @Test
    void aListNoLongerThanABatchIsWrittenAsGiven() {
        List<Handoff> handoffs = randomHandoffs(new Random(1), "a", 30, BATCH);

        assertThat(ImportOrder.clustered(handoffs, BATCH)).isSameAs(handoffs);
    }

    @Test
    void twoTeamsGivenInterleavedAreWrittenApart() {
        Random random = new Random(2);
        List<Handoff> ops = randomHandoffs(random, "ops", 40, 600);
        List<Handoff> sales = randomHandoffs(random, "sales", 40, 600);
        List<Handoff> given = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            given.add(ops.get(i));
            given.add(sales.get(i));
        }

        List<Handoff> ordered = ImportOrder.clustered(given, BATCH);

        assertThat(ordered).containsExactlyInAnyOrderElementsOf(given);
        // One team's handoffs, then the other's (given, the team changes at every handoff).
        int changes = 0;
        for (int i = 1; i < ordered.size(); i++) {
            changes += team(ordered.get(i)).equals(team(ordered.get(i - 1))) ? 0 : 1;
        }
        assertThat(changes).isEqualTo(1);
        assertThat(ordered.subList(0, BATCH)).allSatisfy(h -> assertThat(team(h)).isEqualTo(team(ordered.get(0))));
    }

    private static String team(Handoff handoff) {
        return handoff.upstream().value().replaceAll("\\d", "");
    }

    @Test
    void batchesNameFewerPeopleThanInTheOrderGiven() {
        // Ten teams of 30, four in five handoffs inside the team, the rest to the next team; given shuffled.
        Random random = new Random(3);
        List<Handoff> given = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        while (given.size() < 4_000) {
            int team = random.nextInt(10);
            int downTeam = random.nextInt(5) == 0 ? (team + 1) % 10 : team;
            String up = "t" + team + "p" + random.nextInt(30);
            String down = "t" + downTeam + "p" + random.nextInt(30);
            if (!up.equals(down) && pairs.add(up + ">" + down)) {
                given.add(handoff(up, down, "report"));
            }
        }

        List<Handoff> ordered = ImportOrder.clustered(given, BATCH);

        assertThat(ordered).containsExactlyInAnyOrderElementsOf(given);
        assertThat(peopleNamedPerBatch(ordered)).isLessThan(peopleNamedPerBatch(given) / 2);
    }

    @Test
    void handoffsBetweenTheSamePeopleKeepTheOrderGiven() {
        Random random = new Random(4);
        List<Handoff> given = new ArrayList<>(randomHandoffs(random, "x", 40, 1_200));
        given.add(17, handoff("ana", "ben", "first"));
        given.add(640, handoff("ana", "ben", "second"));
        given.add(handoff("ana", "ben", "third"));
        given.add(300, handoff("ben", "x1", "link"));

        List<String> versions = ImportOrder.clustered(given, BATCH).stream()
                .filter(h -> h.upstream().value().equals("ana") && h.downstream().value().equals("ben"))
                .map(Handoff::what).toList();

        assertThat(versions).containsExactly("first", "second", "third");
    }

    @Test
    void theSameHandoffsAlwaysGiveTheSameOrder() {
        List<Handoff> given = randomHandoffs(new Random(5), "y", 60, 2_000);

        assertThat(ImportOrder.clustered(given, BATCH)).isEqualTo(ImportOrder.clustered(List.copyOf(given), BATCH));
    }

    private static double peopleNamedPerBatch(List<Handoff> handoffs) {
        long named = 0;
        for (int from = 0; from < handoffs.size(); from += BATCH) {
            Set<PersonId> people = new HashSet<>();
            for (Handoff handoff : handoffs.subList(from, Math.min(handoffs.size(), from + BATCH))) {
                people.add(handoff.upstream());
                people.add(handoff.downstream());
            }
            named += people.size();
        }
        return named / Math.ceil(handoffs.size() / (double) BATCH);
    }

    /** Distinct random handoffs among {@code people} people named {@code prefix0 …}. */
    private static List<Handoff> randomHandoffs(Random random, String prefix, int people, int count) {
        List<Handoff> handoffs = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        while (handoffs.size() < count) {
            String up = prefix + random.nextInt(people);
            String down = prefix + random.nextInt(people);
            if (!up.equals(down) && pairs.add(up + ">" + down)) {
                handoffs.add(handoff(up, down, "report"));
            }
        }
        return handoffs;
    }

    private static Handoff handoff(String up, String down, String what) {
        return Handoff.claimed(PersonId.of(up), PersonId.of(down), new HandoffTerms(what, Frequency.WEEKLY,
                Criticality.ROUTINE), Side.UPSTREAM, T0);
    }
}
