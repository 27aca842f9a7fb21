package io.handoff.friction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.Names;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TeamMap;
import io.handoff.graph.TenantId;
import io.handoff.nudge.Engagement;

/**
 * Friction polls: who is asked what, recording answers, closing a period into anonymous aggregates, and the digests.
 * A poll is asked of the downstream of every confirmed handoff, once per period of the tenant's cadence.
 */
public final class FrictionService {
    private static final Logger log = LoggerFactory.getLogger(FrictionService.class);
    /** At most this many poll messages to one person per period, critical handoffs first. */
    public static final int MAX_POLLS_PER_PERSON = 8;

    private final GraphStore graph;
    private final FrictionStore store;
    private final Engagement engagement;
    private final TenantFrictionSettings settings;
    private final Clock clock;
    private final RandomGenerator random;

    public FrictionService(GraphStore graph, FrictionStore store, Engagement engagement,
                           TenantFrictionSettings settings, Clock clock, RandomGenerator random) {
        this.graph = Objects.requireNonNull(graph);
        this.store = Objects.requireNonNull(store);
        this.engagement = Objects.requireNonNull(engagement);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
    }

    public FrictionSettings settings(TenantId tenant) {
        return settings.of(tenant);
    }

    public Period currentPeriod(TenantId tenant) {
        return Period.containing(settings.of(tenant).cadence(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    public FrictionStore store() {
        return store;
    }

    /** The team's name (its id when it has none). */
    public String teamName(TenantId tenant, TeamId team) {
        return graph.teamMap(tenant).teamName(team);
    }

    /** The confirmed handoff from {@code upstream} to {@code downstream}, or why it cannot be rated. */
    public Handoff rateable(TenantId tenant, PersonId upstream, PersonId downstream) {
        Handoff edge = graph.handoff(tenant, upstream, downstream)
                .orElseThrow(() -> new NotYourHandoffException("That handoff is no longer on your map."));
        if (edge.status() != EdgeStatus.CONFIRMED) {
            throw new NotYourHandoffException("That handoff is not confirmed by both sides yet, so it is not polled.");
        }
        return edge;
    }

    public Person person(TenantId tenant, PersonId id) {
        return graph.person(tenant, id).orElseThrow(() -> new NotYourHandoffException("I don't know " + id + "."));
    }

    /**
     * Records {@code downstream}'s answer about the handoff from {@code upstream} in the current period, replacing an
     * earlier answer of the same period. A null {@code comment} keeps the comment given before.
     */
    public FrictionAnswer answer(TenantId tenant, PersonId downstream, PersonId upstream, int score, String comment) {
        FrictionAnswer.requireScore(score);
        Handoff edge = rateable(tenant, upstream, downstream);
        Period period = currentPeriod(tenant);
        String kept = comment != null ? comment
                : store.answer(tenant, period, upstream, downstream).map(FrictionAnswer::comment).orElse("");
        Optional<TeamId> upTeam = graph.person(tenant, upstream).flatMap(Person::teamId);
        Optional<TeamId> downTeam = graph.person(tenant, downstream).flatMap(Person::teamId);
        FrictionAnswer answer = new FrictionAnswer(upstream, downstream, upTeam.orElse(null), downTeam.orElse(null),
                edge.what(), edge.criticality(), score, kept, clock.instant());
        if (!store.record(tenant, period, answer)) {
            // the period closed while the person answered: count it in the next one
            Period next = period.next();
            store.record(tenant, next, answer);
        }
        engagement.answered(tenant, downstream);
        return answer;
    }

    /** A poll for each confirmed handoff into {@code person} not answered yet this period, critical first. */
    public List<Notification> polls(TenantId tenant, PersonId person) {
        Period period = currentPeriod(tenant);
        AnonymityPolicy policy = settings.of(tenant).policy();
        var around = graph.neighbourhood(tenant, person, 1).graph();
        List<Notification> polls = new ArrayList<>();
        around.edges().stream()
                .filter(e -> e.downstream().equals(person) && e.status() == EdgeStatus.CONFIRMED)
                .filter(e -> store.answer(tenant, period, e.upstream(), person).isEmpty())
                .sorted(Comparator.comparing(Handoff::criticality).reversed()
                        .thenComparing(e -> e.upstream().value()))
                .limit(MAX_POLLS_PER_PERSON)
                .forEach(e -> around.person(e.upstream()).ifPresent(upstream -> polls.add(new Notification(person,
                        FrictionMessages.poll(upstream, e, period, policy),
                        "friction-poll:" + period.id() + ":" + e.upstream().value() + ">" + person.value()))));
        return polls;
    }

    /** A closed period: the aggregates that may be shown, the previous period's, and the answers behind them. */
    public record ClosedPeriod(Period period, Map<Scope, ShownAggregate> shown, Map<Scope, ShownAggregate> previous,
                               List<FrictionAnswer> answers) {
        public List<Trend> trends() {
            return shown.values().stream()
                    .map(a -> new Trend(a, Optional.ofNullable(previous.get(a.scope())))).toList();
        }
    }

    /**
     * Closes the period: decides once which aggregates may be shown and stores them. Closing again returns what was
     * stored the first time (so forgetting someone later never changes an aggregate already shown).
     */
    public ClosedPeriod close(TenantId tenant, Period period) {
        List<FrictionAnswer> answers = store.answers(tenant, period);
        if (!store.closed(tenant, period)) {
            List<ShownAggregate> shown = FrictionAggregator.shown(answers, settings.of(tenant).policy());
            if (store.close(tenant, period, shown, clock.instant())) {
                log.info("closed friction period {} of tenant {}: {} answers, {} aggregates shown", period, tenant,
                        answers.size(), shown.size());
            }
        }
        return new ClosedPeriod(period, store.shown(tenant, period), store.shown(tenant, period.previous()), answers);
    }

    /** The digests of a closed period: a message per upstream team with something to show. */
    public Map<TeamId, Message> digests(TenantId tenant, ClosedPeriod closed) {
        TeamMap teams = graph.teamMap(tenant);
        Map<PersonId, String> names = new LinkedHashMap<>();
        FrictionDigest.Naming naming = new FrictionDigest.Naming(teams::teamName,
                id -> names.computeIfAbsent(id, p -> graph.person(tenant, p).map(Names::first).orElse(p.value())));
        Map<TeamId, Message> digests = new LinkedHashMap<>();
        closed.shown().values().stream().map(ShownAggregate::upstreamTeam).distinct().sorted().map(TeamId::of)
                .forEach(team -> FrictionDigest.compose(team, closed.period(), closed.shown(), closed.previous(),
                                closed.answers(), settings.of(tenant).policy(), naming, random)
                        .ifPresent(message -> digests.put(team, message)));
        return digests;
    }

    /** The digest notifications to each upstream team's managers. */
    public List<Notification> digestNotifications(TenantId tenant, ClosedPeriod closed, Map<TeamId, Message> digests) {
        TeamMap teams = graph.teamMap(tenant);
        List<Notification> notifications = new ArrayList<>();
        digests.forEach((teamId, message) -> {
            Team team = teams.teams().get(teamId);
            if (team == null) {
                return;
            }
            team.managers().forEach(manager -> notifications.add(new Notification(manager, message,
                    "friction-digest:" + closed.period().id() + ":" + teamId.value() + ":" + manager.value())));
        });
        return notifications;
    }
}
