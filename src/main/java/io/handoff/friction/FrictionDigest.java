package io.handoff.friction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import io.handoff.chat.Block;
import io.handoff.chat.Divider;
import io.handoff.chat.Heading;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;
import io.handoff.graph.Names;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;

/**
 * The digest of one closed period for one upstream team's managers: the scores its internal customers gave (team
 * totals and, inside them, per upstream person), each with its trend; the words behind the lowest score when enough
 * people wrote some; and the moments of truth, critical handoffs whose score fell. Only aggregates the
 * {@link AnonymityPolicy} allowed when the period closed appear.
 */
final class FrictionDigest {
    private FrictionDigest() {
    }

    /** What a digest needs to name things. */
    public record Naming(Function<TeamId, String> team, Function<PersonId, String> person) {
    }

    /** The digest, or empty when nothing about this team may be shown. */
    public static Optional<Message> compose(TeamId upstreamTeam, Period period, Map<Scope, ShownAggregate> shown,
                                            Map<Scope, ShownAggregate> previous, List<FrictionAnswer> answers,
                                            AnonymityPolicy policy, Naming names, RandomGenerator random) {
        List<Trend> trends = shown.values().stream()
                .filter(a -> a.upstreamTeam().equals(upstreamTeam.value()))
                .map(a -> new Trend(a, Optional.ofNullable(previous.get(a.scope()))))
                .toList();
        if (trends.isEmpty()) {
            return Optional.empty();
        }
        String teamName = names.team().apply(upstreamTeam);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("How your internal customers rated " + teamName + " in " + period.label()));
        blocks.add(Paragraph.of("Scores from 1 (got in the way) to 5 (served us very well). Only totals of at least "
                + policy.minRespondents() + " answers are shown, never a name."));

        List<Trend> pairs = trends.stream().filter(t -> t.current().scope() instanceof Scope.TeamPair)
                .sorted(BY_MEAN).toList();
        for (Trend pair : pairs) {
            TeamId downstream = pair.current().scope().downstreamTeam();
            blocks.add(Paragraph.builder().strong(names.team().apply(downstream)).plain(": " + figure(pair)).build());
            trends.stream().filter(t -> t.current().scope() instanceof Scope.PersonToTeam
                            && t.current().scope().downstreamTeam().equals(downstream))
                    .sorted(BY_MEAN)
                    .forEach(t -> blocks.add(Paragraph.of("    " + label(t.current(), names) + ": " + figure(t))));
        }
        trends.stream().filter(t -> t.current().scope() instanceof Scope.PersonToTeam)
                .filter(t -> pairs.stream().noneMatch(p -> p.current().scope().downstreamTeam()
                        .equals(t.current().scope().downstreamTeam())))
                .sorted(BY_MEAN)
                .forEach(t -> blocks.add(Paragraph.of(label(t.current(), names) + " for "
                        + names.team().apply(t.current().scope().downstreamTeam()) + ": " + figure(t))));

        List<Trend> moments = trends.stream().filter(t -> t.current().critical() && t.fell()).sorted(BY_MEAN).toList();
        if (!moments.isEmpty()) {
            blocks.add(new Divider());
            blocks.add(new Heading("Moments of truth"));
            blocks.add(Paragraph.of(
                    "Critical handoffs whose score fell: for these customers, a bad day here is game over."));
            for (Trend moment : moments) {
                blocks.add(Paragraph.of(where(moment.current(), names) + ": " + figure(moment)));
            }
        }

        Trend lowest = trends.stream().min(BY_MEAN).orElseThrow();
        List<AnonymityPolicy.Comment> comments = FrictionAggregator.answersOf(lowest.current().scope(), answers)
                .stream()
                .filter(FrictionAnswer::hasComment)
                .map(a -> new AnonymityPolicy.Comment(a.downstream().value(), a.comment()))
                .toList();
        blocks.add(new Divider());
        blocks.add(new Heading("What got in the way: " + where(lowest.current(), names)));
        Optional<List<String>> words = policy.comments(comments, random);
        if (words.isPresent()) {
            words.get().forEach(text -> blocks.add(Paragraph.of("“" + text + "”")));
        } else {
            blocks.add(Paragraph.of("Comments appear once at least " + policy.minCommentRespondents()
                    + " people have written some."));
        }
        String summary = teamName + ": friction scores for " + period.label();
        return Optional.of(new Message(summary, blocks));
    }

    private static final Comparator<Trend> BY_MEAN = Comparator.comparingDouble((Trend t) -> t.current().mean())
            .thenComparing(t -> t.current().scope().code());

    private static String figure(Trend trend) {
        ShownAggregate a = trend.current();
        return a.meanText() + " from " + a.answers() + " answers (" + trend.spoken() + ")";
    }

    private static String label(ShownAggregate aggregate, Naming names) {
        PersonId upstream = ((Scope.PersonToTeam) aggregate.scope()).upstream();
        String what = aggregate.label().isBlank() ? "handoffs" : aggregate.label();
        return Names.possessive(names.person().apply(upstream)) + " " + what;
    }

    private static String where(ShownAggregate aggregate, Naming names) {
        String downstream = names.team().apply(aggregate.scope().downstreamTeam());
        return aggregate.scope() instanceof Scope.PersonToTeam ? label(aggregate, names) + " for " + downstream
                : "handoffs to " + downstream;
    }
}
