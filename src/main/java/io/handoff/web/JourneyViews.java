package io.handoff.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.journey.BackstageHandoff;
import io.handoff.journey.Blueprint;
import io.handoff.journey.CustomerSignal;
import io.handoff.journey.FrontLine;
import io.handoff.journey.Journey;
import io.handoff.journey.JourneyDefinitions;
import io.handoff.journey.LineOfSight;
import io.handoff.journey.Owners;
import io.handoff.journey.Touchpoint;
import io.handoff.map.FrictionAggregate;

/** JSON (and YAML) forms of journeys, signals, blueprints and lines of sight for the admin API. */
final class JourneyViews {
    private JourneyViews() {
    }

    /**
     * The definition (the shape a PUT takes) with, per touchpoint, {@code ownerless} and {@code missingOwners}: owners
     * named but gone from the graph since (a deleted team or person).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> journey(Journey journey, List<Owners> owners) {
        Map<String, Object> tree = JourneyDefinitions.tree(journey);
        int i = 0;
        for (Object stage : (List<Object>) tree.get("stages")) {
            for (Object touchpoint : (List<Object>) ((Map<String, Object>) stage).get("touchpoints")) {
                Owners resolved = owners.get(i++);
                Map<String, Object> t = (Map<String, Object>) touchpoint;
                t.put("ownerless", resolved.ownerless());
                t.put("missingOwners", missing(resolved));
            }
        }
        return tree;
    }

    private static Map<String, Object> missing(Owners owners) {
        Map<String, Object> missing = new LinkedHashMap<>();
        missing.put("teams", owners.missingTeams().stream().map(TeamId::value).toList());
        missing.put("people", owners.missingPeople().stream().map(PersonId::value).toList());
        return missing;
    }

    record Summary(String id, String name, String customer, int stages, int touchpoints, int gameOver,
                   int ownerless) {
        static Summary of(Journey journey, List<Owners> owners) {
            return new Summary(journey.id().value(), journey.name(), journey.customer(), journey.stages().size(),
                    journey.touchpoints().size(),
                    (int) journey.touchpoints().stream().filter(Touchpoint::gameOver).count(),
                    (int) owners.stream().filter(Owners::ownerless).count());
        }
    }

    record SignalView(String touchpoint, String period, String metric, double value, long sampleSize, String better) {
        static SignalView of(CustomerSignal s) {
            return new SignalView(s.touchpoint().value(), s.period().id(), s.metric(), s.value(), s.sampleSize(),
                    s.better().code());
        }
    }

    record ImportView(String journey, int rows, long changed) {
    }

    record BlueprintView(String journey, String name, String customer, int depth, List<StageView> stages) {
        static BlueprintView of(Blueprint blueprint) {
            Journey j = blueprint.journey();
            return new BlueprintView(j.id().value(), j.name(), j.customer(), blueprint.depth(),
                    blueprint.stages().stream().map(StageView::of).toList());
        }
    }

    record StageView(String name, List<TouchpointView> touchpoints) {
        static StageView of(Blueprint.StagePlan stage) {
            return new StageView(stage.name(), stage.touchpoints().stream().map(TouchpointView::of).toList());
        }
    }

    record TouchpointView(String id, String name, String channel, String weight, boolean ownerless,
                          List<String> ownerTeams, List<String> ownerPeople, Map<String, Object> missingOwners,
                          List<FrontLineView> frontStage, List<HandoffView> backstage) {
        static TouchpointView of(Blueprint.TouchpointPlan plan) {
            Touchpoint t = plan.touchpoint();
            return new TouchpointView(t.id().value(), t.name(), t.channel().code(), t.weight().code(),
                    plan.owners().ownerless(), plan.owners().teams().stream().map(TeamId::value).toList(),
                    plan.owners().people().stream().map(PersonId::value).toList(), missing(plan.owners()),
                    plan.frontStage().stream().map(FrontLineView::of).toList(),
                    plan.backstage().stream().map(HandoffView::of).toList());
        }
    }

    record FrontLineView(String person, String name, String team, boolean viaTeam) {
        static FrontLineView of(FrontLine f) {
            return new FrontLineView(f.person().value(), f.name(), f.team() == null ? null : f.team().value(),
                    f.viaTeam());
        }
    }

    record HandoffView(String upstream, String upstreamName, String downstream, String downstreamName, String what,
                       int hops, String status, String criticality, String lastKnownTrue, long daysSinceConfirmed,
                       boolean stale, FrictionView friction) {
        static HandoffView of(BackstageHandoff h) {
            return new HandoffView(h.upstream().value(), h.upstreamName(), h.downstream().value(),
                    h.downstreamName(), h.what(), h.hops(), h.status().name().toLowerCase(java.util.Locale.ROOT),
                    h.criticality().name().toLowerCase(java.util.Locale.ROOT), h.lastKnownTrue().toString(),
                    h.daysSinceConfirmed(), h.stale(), h.friction().map(FrictionView::of).orElse(null));
        }
    }

    record FrictionView(double score, int respondents, List<Double> trend) {
        static FrictionView of(FrictionAggregate a) {
            return new FrictionView(a.score(), a.respondents(), a.trend());
        }
    }

    record LineOfSightView(String person, int depth, boolean reachesGameOver, List<ReachView> reaches) {
        static LineOfSightView of(LineOfSight sight) {
            return new LineOfSightView(sight.person().value(), sight.depth(), sight.reachesGameOver(),
                    sight.reaches().stream().map(ReachView::of).toList());
        }
    }

    record ReachView(String journey, String journeyName, String touchpoint, String touchpointName, String weight,
                     int hops, List<String> through, List<String> throughNames) {
        static ReachView of(LineOfSight.Reach r) {
            return new ReachView(r.journey().value(), r.journeyName(), r.touchpoint().value(), r.touchpointName(),
                    r.weight().code(), r.hops(), r.through().stream().map(PersonId::value).toList(), r.throughNames());
        }
    }
}
