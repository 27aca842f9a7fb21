package io.handoff.friction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.handoff.graph.Criticality;

/**
 * Sums a period's answers into team-pair aggregates and, inside each, one aggregate per upstream person, and keeps
 * only those the {@link AnonymityPolicy} allows. Answers whose upstream or downstream had no team are left out. Inside
 * one team (peers) only the team total is formed: colleagues know each other's handoffs too well for per-person
 * figures.
 */
final class FrictionAggregator {
    private FrictionAggregator() {
    }

    public static List<ShownAggregate> shown(List<FrictionAnswer> answers, AnonymityPolicy policy) {
        Map<Scope.TeamPair, List<FrictionAnswer>> byPair = new LinkedHashMap<>();
        answers.stream()
                .filter(a -> a.upstreamTeam() != null && a.downstreamTeam() != null)
                .sorted(Comparator.comparing((FrictionAnswer a) -> a.upstream().value())
                        .thenComparing(a -> a.downstream().value()))
                .forEach(a -> byPair.computeIfAbsent(new Scope.TeamPair(a.upstreamTeam(), a.downstreamTeam()),
                        k -> new ArrayList<>()).add(a));

        Map<Scope, List<FrictionAnswer>> members = new LinkedHashMap<>();
        List<AnonymityPolicy.Nest<Scope>> nests = new ArrayList<>();
        byPair.forEach((pair, pairAnswers) -> {
            members.put(pair, pairAnswers);
            List<AnonymityPolicy.Group<Scope>> children = new ArrayList<>();
            if (!pair.upstream().equals(pair.downstream())) {
                Map<Scope, List<FrictionAnswer>> byPerson = pairAnswers.stream().collect(Collectors.groupingBy(
                        a -> new Scope.PersonToTeam(a.upstream(), pair.downstream()), LinkedHashMap::new,
                        Collectors.toList()));
                byPerson.forEach((scope, personAnswers) -> {
                    members.put(scope, personAnswers);
                    children.add(group(scope, personAnswers));
                });
            }
            nests.add(new AnonymityPolicy.Nest<>(group(pair, pairAnswers), children));
        });

        Set<Scope> visible = new LinkedHashSet<>(policy.visible(nests));
        List<ShownAggregate> shown = new ArrayList<>();
        for (Scope scope : visible) {
            List<FrictionAnswer> in = members.get(scope);
            String team = in.get(0).upstreamTeam().value();
            String label = scope instanceof Scope.PersonToTeam ? commonestWhat(in) : "";
            shown.add(new ShownAggregate(scope, team, in.size(),
                    (int) in.stream().map(FrictionAnswer::downstream).distinct().count(),
                    in.stream().mapToLong(FrictionAnswer::score).sum(),
                    in.stream().anyMatch(a -> a.criticality() == Criticality.CRITICAL), label));
        }
        return shown;
    }

    /** The answers behind one aggregate (for the words behind a score). */
    public static List<FrictionAnswer> answersOf(Scope scope, List<FrictionAnswer> answers) {
        return answers.stream().filter(a -> a.downstreamTeam() != null && a.upstreamTeam() != null
                && a.downstreamTeam().equals(scope.downstreamTeam())
                && (scope instanceof Scope.TeamPair pair ? a.upstreamTeam().equals(pair.upstream())
                        : a.upstream().equals(((Scope.PersonToTeam) scope).upstream()))).toList();
    }

    private static AnonymityPolicy.Group<Scope> group(Scope scope, List<FrictionAnswer> answers) {
        return new AnonymityPolicy.Group<>(scope,
                answers.stream().map(a -> a.downstream().value()).collect(Collectors.toSet()), answers.size());
    }

    private static String commonestWhat(List<FrictionAnswer> answers) {
        return answers.stream().collect(Collectors.groupingBy(FrictionAnswer::what, LinkedHashMap::new,
                        Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()).map(Map.Entry::getKey).orElse("");
    }
}
