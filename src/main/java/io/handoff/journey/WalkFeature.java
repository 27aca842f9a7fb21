package io.handoff.journey;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Actor;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.conversation.ConversationFeature;
import io.handoff.empathy.RelayedStories;
import io.handoff.graph.Identifier;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;

/**
 * The answers to a walk invitation ({@link WalkInvitations}): "Be the customer" or "Shadow … for an hour" records the
 * walk (once per person, touchpoint and period) and arranges it with the front-line owner through the stories'
 * machinery ({@link RelayedStories#arrangeWalk}: the owner is told, proposes the shadowing date with the stories'
 * shadowing flow, and the two are brought together as "Let's talk" does); "Not this time" just says fine.
 */
final class WalkFeature implements ConversationFeature {
    static final String PREFIX = "walk.";
    private static final Logger log = LoggerFactory.getLogger(WalkFeature.class);

    private final GraphStore graph;
    private final JourneyQueries queries;
    private final Journeys journeys;
    private final WalkStore walks;
    private final RelayedStories relay;
    private final Clock clock;

    WalkFeature(GraphStore graph, Journeys journeys, JourneyQueries queries, WalkStore walks, RelayedStories relay,
                Clock clock) {
        this.graph = Objects.requireNonNull(graph);
        this.journeys = Objects.requireNonNull(journeys);
        this.queries = Objects.requireNonNull(queries);
        this.walks = Objects.requireNonNull(walks);
        this.relay = Objects.requireNonNull(relay);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public List<CommandHelp> commands() {
        return List.of();
    }

    @Override
    public Outcome onCommand(Actor actor, String word, String args) {
        throw new Refusal("there is no walk command: walk invitations come by themselves");
    }

    @Override
    public Outcome onButton(Interaction.ButtonPressed pressed) {
        Actor actor = pressed.actor();
        String[] parts = pressed.action().value() == null ? new String[0] : pressed.action().value().split("\\|", -1);
        if (parts.length != 4 || !WalkPeriod.valid(parts[0]) || !Identifier.isValid(parts[3])) {
            throw new Refusal("that button is no longer in use");
        }
        WalkStore.Mode mode = switch (pressed.action().id()) {
            case WalkInvitations.CUSTOMER -> WalkStore.Mode.CUSTOMER;
            case WalkInvitations.SHADOW -> WalkStore.Mode.SHADOW;
            case WalkInvitations.SKIP -> null;
            default -> throw new Refusal("that button is no longer in use");
        };
        if (mode == null) {
            return Outcome.show(Message.text("Fine: another time. I'll suggest another moment next time."));
        }
        TenantId tenant = actor.tenant();
        JourneyId journeyId = JourneyId.of(parts[1]);
        TouchpointId touchpointId = TouchpointId.of(parts[2]);
        PersonId hostId = PersonId.of(parts[3]);
        OrgGraph org = graph.graph(tenant);
        Set<TeamId> managed = new TreeSet<>(WalkInvitations.managers(org).getOrDefault(actor.person(), Set.of()));
        if (managed.isEmpty()) {
            throw new Refusal("Walk invitations are for team managers.");
        }
        Journey journey = journeys.journey(tenant, journeyId).orElseThrow(() -> new UnknownJourneyException(journeyId));
        Blueprint.TouchpointPlan plan = queries.blueprint(tenant, journeyId, queries.depth()).stages().stream()
                .flatMap(s -> s.touchpoints().stream()).filter(p -> p.touchpoint().id().equals(touchpointId))
                .findFirst().orElseThrow(() -> new Refusal("the journey " + journey.name()
                        + " no longer has that touchpoint"));
        if (!CustomerReportSection.reaches(plan, org, managed)) {
            throw new Refusal("Your teams are no longer behind " + plan.touchpoint().name() + ".");
        }
        if (hostId.equals(actor.person()) || plan.frontStage().stream().noneMatch(f -> f.person().equals(hostId))) {
            throw new Refusal("That person is no longer on the front line of " + plan.touchpoint().name() + ".");
        }
        Person leader = graph.person(tenant, actor.person()).orElseThrow(() -> new Refusal("You are not on Handoff."));
        Person host = graph.person(tenant, hostId).orElseThrow(() -> new Refusal("That person is no longer here."));
        WalkStore.Walk walk = walks.accept(tenant, journeyId, touchpointId, actor.person(), parts[0], mode, hostId,
                clock.instant());
        RelayedStories.Arranged arranged = relay.arrangeWalk(tenant, leader, host, plan.touchpoint().name(),
                walk.mode() == WalkStore.Mode.SHADOW, walk.seed(), clock.instant());
        log.info("walk of {}/{} in tenant {}: {} ({})", journeyId, touchpointId, tenant, walk.mode().code(),
                walk.at().equals(clock.instant()) ? "new" : "again");
        String first = io.handoff.graph.Names.first(host);
        String intro = walk.mode() == WalkStore.Mode.SHADOW
                ? "Thanks. " + first + " will propose a day for you to shadow them for an hour at "
                + plan.touchpoint().name() + ". "
                : "Thanks. " + first + " knows you will walk " + plan.touchpoint().name() + " as a customer. ";
        return new Outcome(new Reply.Show(arranged.message(intro)), arranged.notifications(), true);
    }
}
