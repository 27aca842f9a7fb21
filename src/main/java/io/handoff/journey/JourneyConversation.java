package io.handoff.journey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.conversation.ConversationFeature;
import io.handoff.empathy.StoryMessages;
import io.handoff.graph.CustomerMoments;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.map.MapAccess;
import io.handoff.nudge.NudgeKey;

/**
 * The journeys in chat. Everyone's Home says where their work reaches customers (their line of sight, game over and
 * nearest first, at most three). {@code journey} lists the tenant's journeys and {@code journey <id or name>} answers
 * with the blueprint, the touchpoints whose customer signal fell and where to look inside; both for team managers
 * and admins only. The "hear a story" button of a fall note ({@link FallNotes}) asks the front line for a
 * day-in-the-life story through the stories' own prompt.
 */
final class JourneyConversation implements ConversationFeature {
    static final String PREFIX = "journey.";
    static final String HEAR = "journey.hear";
    private static final Logger log = LoggerFactory.getLogger(JourneyConversation.class);

    private final GraphStore graph;
    private final JourneyInsights insights;
    private final CustomerMoments moments;
    private final MapAccess access;
    private final ToIntFunction<TenantId> minRespondents;
    private final ToIntFunction<TenantId> threshold;
    private final StoryInvitations invitations;
    private final JourneyForms forms;
    private final BlueprintReply picture;

    public JourneyConversation(GraphStore graph, JourneyInsights insights, CustomerMoments moments, MapAccess access,
                               ToIntFunction<TenantId> minRespondents, ToIntFunction<TenantId> threshold,
                               StoryInvitations invitations, JourneyForms forms) {
        this(graph, insights, moments, access, minRespondents, threshold, invitations, forms, BlueprintReply.NONE);
    }

    JourneyConversation(GraphStore graph, JourneyInsights insights, CustomerMoments moments, MapAccess access,
                        ToIntFunction<TenantId> minRespondents, ToIntFunction<TenantId> threshold,
                        StoryInvitations invitations, JourneyForms forms, BlueprintReply picture) {
        this.picture = Objects.requireNonNull(picture);
        this.graph = Objects.requireNonNull(graph);
        this.insights = Objects.requireNonNull(insights);
        this.moments = Objects.requireNonNull(moments);
        this.access = Objects.requireNonNull(access);
        this.minRespondents = Objects.requireNonNull(minRespondents);
        this.threshold = Objects.requireNonNull(threshold);
        this.invitations = Objects.requireNonNull(invitations);
        this.forms = Objects.requireNonNull(forms);
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public List<CommandHelp> commands() {
        return List.of(new CommandHelp("journey", "journey [id or name]",
                "for managers and admins: the customer journeys, or one journey's blueprint, the customer signals "
                        + "that fell and where to look inside; for admins, journey new and journey edit <id> "
                        + "define one with a form"));
    }

    @Override
    public Outcome onCommand(Actor actor, String word, String args) {
        if (JourneyForms.claims(args)) {
            return forms.command(actor, args);
        }
        MapAccess.Viewer viewer = access.viewer(actor.tenant(), actor.person());
        if (!viewer.manager() && !viewer.admin()) {
            return Outcome.show(Message.text("Journeys and their blueprints are for team managers and admins. "
                    + "Your Home shows where your own work reaches customers."));
        }
        TenantId tenant = actor.tenant();
        if (args.isBlank()) {
            return Outcome.show(JourneyMessages.list(insights.journeys(tenant)));
        }
        Optional<Journey> journey = insights.find(tenant, args);
        if (journey.isEmpty()) {
            List<Journey> all = insights.journeys(tenant);
            String asked = args.strip().length() > 100 ? args.strip().substring(0, 100) + "…" : args.strip();
            return Outcome.show(Message.text("There is no journey '" + asked + "'. "
                    + (all.isEmpty() ? "There are no journeys yet."
                    : "The journeys are: " + String.join(", ", all.stream()
                    .map(j -> j.name() + " (" + j.id() + ")").toList()) + ".")));
        }
        JourneyInsights.Insight insight = insights.insight(tenant, journey.get().id());
        log.info("journey {} for {} in {}: {} touchpoints fell", journey.get().id(), actor.person(), tenant,
                insight.fallen().size());
        OrgGraph org = graph.graph(tenant);
        return Outcome.show(picture.with(JourneyMessages.insight(insight, org, minRespondents.applyAsInt(tenant),
                threshold.applyAsInt(tenant)), tenant, actor.person(), insight.blueprint(), org));
    }

    @Override
    public Outcome onButton(Interaction.ButtonPressed pressed) {
        if (!HEAR.equals(pressed.action().id())) {
            throw new Refusal("that button is no longer in use");
        }
        return invitations.hear(pressed.actor(), pressed.action().value());
    }

    /** {@code Dana}, {@code Dana and Ravi}, {@code Dana, Ravi and Kim}. */
    static String inWords(List<String> names) {
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    @Override
    public List<Block> homeSection(Actor actor) {
        return JourneyMessages.home(moments.reachedBy(actor.tenant(), actor.person()));
    }

    /**
     * The "hear a day in the life" button: each front-line person of the touchpoint who takes a handoff straight from
     * the team gets the stories' own prompt about that handoff (keyed like every story prompt, so once a week).
     */
    public static final class StoryInvitations {
        private final GraphStore graph;
        private final Journeys journeys;
        private final JourneyQueries queries;
        private final MapAccess access;
        private final Clock clock;

        public StoryInvitations(GraphStore graph, Journeys journeys, JourneyQueries queries, MapAccess access,
                                Clock clock) {
            this.graph = Objects.requireNonNull(graph);
            this.journeys = Objects.requireNonNull(journeys);
            this.queries = Objects.requireNonNull(queries);
            this.access = Objects.requireNonNull(access);
            this.clock = Objects.requireNonNull(clock);
        }

        /** The button's value: {@code <journey>|<touchpoint>|<team>}. */
        static String value(JourneyId journey, TouchpointId touchpoint, TeamId team) {
            return journey.value() + "|" + touchpoint.value() + "|" + team.value();
        }

        Outcome hear(Actor actor, String value) {
            String[] parts = value == null ? new String[0] : value.split("\\|", -1);
            if (parts.length != 3) {
                throw new Refusal("that button is no longer in use");
            }
            TenantId tenant = actor.tenant();
            JourneyId journeyId = JourneyId.of(parts[0]);
            TouchpointId touchpointId = TouchpointId.of(parts[1]);
            TeamId team = TeamId.of(parts[2]);
            OrgGraph org = graph.graph(tenant);
            boolean member = org.teamOf(actor.person()).map(team::equals).orElse(false);
            MapAccess.Viewer viewer = access.viewer(tenant, actor.person());
            if (!member && !viewer.manages(team) && !viewer.admin()) {
                throw new Refusal("Only the team's people and managers may ask for this story.");
            }
            Journey journey = journeys.journey(tenant, journeyId).orElseThrow(() -> new UnknownJourneyException(journeyId));
            Blueprint.TouchpointPlan plan = queries.blueprint(tenant, journeyId, 1).stages().stream()
                    .flatMap(s -> s.touchpoints().stream()).filter(p -> p.touchpoint().id().equals(touchpointId))
                    .findFirst().orElseThrow(() -> new Refusal("the journey " + journey.name()
                            + " no longer has that touchpoint"));
            Map<PersonId, Handoff> asked = new LinkedHashMap<>();
            for (FrontLine front : plan.frontStage()) {
                org.edges().stream()
                        .filter(e -> e.downstream().equals(front.person()) && !e.upstream().equals(front.person()))
                        .filter(e -> e.status() != EdgeStatus.DISPUTED)
                        .filter(e -> org.teamOf(e.upstream()).map(team::equals).orElse(false))
                        .findFirst().ifPresent(e -> asked.putIfAbsent(front.person(), e));
            }
            String teamName = org.teamName(team);
            String moment = plan.touchpoint().name();
            if (asked.isEmpty()) {
                return Outcome.show(Message.text("Nobody on the front line of " + moment + " takes a handoff "
                        + "straight from " + teamName + " yet, so there is no one to ask for a story about it."));
            }
            String asker = org.person(actor.person()).map(Person::displayName).orElse("Someone");
            List<Notification> notes = new ArrayList<>();
            List<String> names = new ArrayList<>();
            asked.forEach((front, edge) -> org.person(edge.upstream()).ifPresent(upstream -> {
                String why = asker + " from " + teamName + " would like to hear what a day at " + moment
                        + " is like for you: customers have had a harder time there lately.";
                notes.add(new Notification(front, StoryMessages.prompt(upstream, edge, why),
                        NudgeKey.of(front, edge, NudgeKey.Purpose.STORY,
                                clock.instant()).value()));
                org.person(front).ifPresent(p -> names.add(p.displayName()));
            }));
            log.info("journey story invitation {} by {} in {}: {} asked", value, actor.person(), tenant, notes.size());
            Message reply = Message.text("I asked " + inWords(names) + " to tell " + teamName
                    + " a day-in-the-life story about " + moment + ". A story comes to the person it is about, "
                    + "and only if they choose to send it.");
            return new Outcome(new Reply.Show(reply), notes, false);
        }
    }
}
