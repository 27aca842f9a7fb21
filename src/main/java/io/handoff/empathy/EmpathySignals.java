package io.handoff.empathy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.friction.FrictionService;
import io.handoff.friction.Period;
import io.handoff.friction.Scope;
import io.handoff.friction.ShownAggregate;
import io.handoff.friction.Trend;
import io.handoff.nudge.NudgeKey;
import io.handoff.graph.Criticality;
import io.handoff.graph.CustomerMoments;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.Health;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;

/**
 * Scans a tenant for the signals that deserve a targeted nudge, each exactly once ({@link Signal}): a friction
 * aggregate that fell, a handoff that turned blocking, a new joiner on either side of a handoff, a critical handoff
 * without a story, a handoff not confirmed for the tenant's stale-after. One handoff gets at most one story prompt
 * per scan (blocking before new joiner before critical without story).
 */
public final class EmpathySignals {
    /** Someone first seen within this long is a new joiner. */
    public static final Duration NEW_FOR = Duration.ofDays(60);

    private final GraphStore graph;
    private final StoryStore stories;
    private final FrictionService friction;
    private final SignalStore store;
    private final Clock clock;
    private final Function<TenantId, EmpathySettings> settings;
    private final CustomerMoments moments;

    public EmpathySignals(GraphStore graph, StoryStore stories, FrictionService friction, SignalStore store,
                          Clock clock, Function<TenantId, EmpathySettings> settings) {
        this(graph, stories, friction, store, clock, settings, CustomerMoments.NONE);
    }

    /** Signals whose story prompts name the customer moment the teller's work reaches ({@code moments}). */
    public EmpathySignals(GraphStore graph, StoryStore stories, FrictionService friction, SignalStore store,
                          Clock clock, Function<TenantId, EmpathySettings> settings, CustomerMoments moments) {
        this.moments = Objects.requireNonNull(moments);
        this.graph = Objects.requireNonNull(graph);
        this.stories = Objects.requireNonNull(stories);
        this.friction = Objects.requireNonNull(friction);
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
    }

    /** The tenant's empathy settings (cadences of the prompts, stale-after). */
    EmpathySettings settings(TenantId tenant) {
        return settings.apply(tenant);
    }

    public List<SignalNudge> scan(TenantId tenant) {
        Instant now = clock.instant();
        OrgGraph org = graph.graph(tenant);
        EmpathySettings settings = settings(tenant);
        Set<PersonId> joiners = joiners(tenant, org, now);
        Map<String, Integer> told = stories.told(tenant);
        List<SignalNudge> nudges = new ArrayList<>();

        for (Handoff edge : org.edges()) {
            if (edge.status() == EdgeStatus.DISPUTED) {
                continue;
            }
            Optional<Person> up = org.person(edge.upstream());
            Optional<Person> down = org.person(edge.downstream());
            if (up.isEmpty() || down.isEmpty()) {
                continue;
            }
            String ref = edge.upstream().value() + ">" + edge.downstream().value();
            String storyWhy = null;
            Signal storySignal = null;
            if (edge.health() == Health.BLOCKING) {
                if (store.turnedBlocking(tenant, ref)) {
                    storyWhy = NudgeMessages.blocking(up.get());
                    storySignal = Signal.TURNED_BLOCKING;
                }
            } else {
                store.notBlocking(tenant, ref);
            }
            String newCustomer = "joiner:" + edge.downstream() + ":" + ref;
            if (joiners.contains(edge.downstream()) && store.fireOnce(tenant, newCustomer)) {
                nudges.add(new SignalNudge(Signal.NEW_JOINER, new Notification(edge.upstream(),
                        NudgeMessages.newCustomer(down.get(), edge),
                        NudgeKey.of(edge.upstream(), edge, NudgeKey.Purpose.NEW_CUSTOMER, now).value())));
            }
            if (joiners.contains(edge.upstream()) && store.fireOnce(tenant, "joiner:" + edge.upstream() + ":" + ref)
                    && storyWhy == null) {
                storyWhy = NudgeMessages.newSupplier(up.get());
                storySignal = Signal.NEW_JOINER;
            }
            if (edge.criticality() == Criticality.CRITICAL && told.getOrDefault(ref, 0) == 0
                    && store.fireOnce(tenant, "nostory:" + ref) && storyWhy == null) {
                storyWhy = NudgeMessages.criticalWithoutStory(up.get());
                storySignal = Signal.CRITICAL_WITHOUT_STORY;
            }
            if (storyWhy != null) {
                stories.prompted(tenant, edge.downstream(), edge.upstream(), now);
                nudges.add(new SignalNudge(storySignal, new Notification(edge.downstream(),
                        StoryMessages.prompt(up.get(), edge, storyWhy, moments.nearest(tenant, edge.downstream())),
                        NudgeKey.of(edge.downstream(), edge, NudgeKey.Purpose.STORY, now).value())));
            }
            Instant lastTrue = edge.lastKnownTrue();
            if (lastTrue.isBefore(now.minus(settings.staleAfter()))
                    && store.fireOnce(tenant, "stale:" + ref + ":" + lastTrue.getEpochSecond())) {
                nudges.add(new SignalNudge(Signal.STALE, new Notification(edge.downstream(),
                        NudgeMessages.stale(up.get(), edge),
                        NudgeKey.of(edge.downstream(), edge, NudgeKey.Purpose.STILL_TRUE, now).value())));
            }
        }
        nudges.addAll(frictionFell(tenant, org));
        return nudges;
    }

    private Set<PersonId> joiners(TenantId tenant, OrgGraph org, Instant now) {
        Optional<Instant> baseline = store.baseline(tenant);
        Set<PersonId> joiners = new HashSet<>();
        store.firstSeen(tenant, org.people().keySet(), now).forEach((person, seen) -> {
            if (baseline.isPresent() && seen.isAfter(baseline.get()) && seen.isAfter(now.minus(NEW_FOR))) {
                joiners.add(person);
            }
        });
        if (baseline.isEmpty()) {
            store.setBaseline(tenant, now);
        }
        return joiners;
    }

    private List<SignalNudge> frictionFell(TenantId tenant, OrgGraph org) {
        Period period = friction.currentPeriod(tenant).previous();
        if (!friction.store().closed(tenant, period)) {
            return List.of();
        }
        Map<Scope, ShownAggregate> previous = new HashMap<>(friction.store().shown(tenant, period.previous()));
        List<SignalNudge> nudges = new ArrayList<>();
        for (ShownAggregate aggregate : friction.store().shown(tenant, period).values()) {
            if (!(aggregate.scope() instanceof Scope.PersonToTeam scope)) {
                continue;
            }
            Trend trend = new Trend(aggregate, Optional.ofNullable(previous.get(scope)));
            if (trend.fell() && org.people().containsKey(scope.upstream())
                    && store.fireOnce(tenant, "fell:" + period.id() + ":" + scope.code())) {
                Message message = NudgeMessages.frictionFell(org.teamName(scope.downstream()), aggregate, trend,
                        period.label());
                nudges.add(new SignalNudge(Signal.FRICTION_FELL, new Notification(scope.upstream(), message,
                        "signal:fell:" + period.id() + ":" + scope.code())));
            }
        }
        return nudges;
    }
}
