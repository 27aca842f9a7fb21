package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.handoff.graph.Criticality;
import io.handoff.graph.Frequency;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Side;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.map.FrictionScores;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.UnifiedJedis;

/**
 * The blueprint and line of sight read only the chain behind the owners or ahead of the person (one read per ring);
 * on random graphs in a real Redis they answer exactly what the pure query answers over the whole graph: the same
 * front line, the same backstage handoffs at the same distances, the same touchpoints reached in the same hops.
 */
class ChainBlueprintsTest {
    private static final int DEPTH = 4;
    private final UnifiedJedis redis = TestRedis.client();
    private final RedisGraphStore graph = new RedisGraphStore(redis);
    private final Clock clock = Clock.fixed(BlueprintsTest.NOW, ZoneOffset.UTC);

    @Test
    void onRandomGraphsTheChainReadsAnswerAsTheWholeGraphDoes() {
        for (long seed = 1; seed <= 25; seed++) {
            Random random = new Random(seed);
            TenantId tenant = TestRedis.uniqueTenant();
            int teams = 2 + random.nextInt(4);
            int people = 6 + random.nextInt(20);
            for (int t = 0; t < teams; t++) {
                graph.saveTeam(tenant, Team.of("t" + t, "Team " + t));
            }
            for (int p = 0; p < people; p++) {
                graph.savePerson(tenant, Person.of("p" + p, "Person " + p, "t" + random.nextInt(teams)));
            }
            Set<String> pairs = new HashSet<>();
            for (int k = 0; k < people * 2; k++) {
                int up = random.nextInt(people);
                int down = random.nextInt(people);
                if (up == down || !pairs.add(up + ">" + down) || pairs.contains(down + ">" + up)) {
                    continue;
                }
                PersonId u = PersonId.of("p" + up);
                PersonId d = PersonId.of("p" + down);
                graph.claim(tenant, u, d, new HandoffTerms("item " + k, Frequency.DAILY,
                        Criticality.values()[random.nextInt(3)]), Side.DOWNSTREAM, BlueprintsTest.NOW);
                int fate = random.nextInt(4);
                if (fate == 0) {
                    graph.confirm(tenant, u, d, Side.UPSTREAM, BlueprintsTest.NOW);
                } else if (fate == 1) {
                    graph.dispute(tenant, u, d, Side.UPSTREAM, BlueprintsTest.NOW);
                }
            }
            List<Touchpoint> touchpoints = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                touchpoints.add(new Touchpoint(TouchpointId.of("tp" + i), "Touchpoint " + i, Channel.APP,
                        i % 2 == 0 ? List.of(TeamId.of("t" + random.nextInt(teams))) : List.of(),
                        i % 2 == 1 || i == 2 ? List.of(PersonId.of("p" + random.nextInt(people))) : List.of(),
                        Weight.values()[random.nextInt(Weight.values().length)]));
            }
            Journey journey = new Journey(JourneyId.of("j" + seed), "Journey " + seed, "a customer",
                    List.of(new Stage("Only", touchpoints)));
            Journeys journeys = Journeys.onRedis(redis, graph);
            journeys.define(tenant, journey);
            JourneyQueries queries = new JourneyQueries(graph, journeys, FrictionScores.NONE, t -> 3,
                    t -> Duration.ofDays(180), DEPTH, clock);
            Blueprints whole = new Blueprints(graph.graph(tenant), DEPTH, BlueprintsTest.NOW, Duration.ofDays(180),
                    Blueprints.Friction.NONE, 3);

            assertThat(queries.blueprint(tenant, journey.id(), DEPTH)).as("seed %d", seed)
                    .isEqualTo(whole.blueprint(journey));
            JourneyQueries limitedQueries = new JourneyQueries(graph, journeys, FrictionScores.NONE, t -> 3,
                    t -> Duration.ofDays(180), DEPTH, 3, clock);
            OrgGraph wholeGraph = graph.graph(tenant);
            Blueprints limitedWhole = new Blueprints(wholeGraph, wholeGraph.people().keySet(), ids -> {
                throw new AssertionError("the whole graph was given");
            }, 3, DEPTH, BlueprintsTest.NOW, Duration.ofDays(180), Blueprints.Friction.NONE, 3);
            assertThat(limitedQueries.blueprint(tenant, journey.id(), DEPTH)).as("seed %d, limit 3", seed)
                    .isEqualTo(limitedWhole.blueprint(journey));
            for (int p = 0; p < people; p++) {
                PersonId person = PersonId.of("p" + p);
                LineOfSight chain = queries.lineOfSight(tenant, person, DEPTH);
                LineOfSight all = whole.lineOfSight(person, List.of(journey));
                assertThat(chain.reaches()).as("seed %d, person %s", seed, person)
                        .extracting(LineOfSight.Reach::touchpoint, LineOfSight.Reach::hops)
                        .isEqualTo(all.reaches().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.touchpoint(),
                                r.hops())).toList());
            }
        }
    }
}
