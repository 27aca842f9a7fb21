package io.handoff.survey;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.handoff.chat.Actor;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.graph.ClaimedBy;
import io.handoff.graph.CustomerMoments;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.Names;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.map.MapAccess;
import io.handoff.map.ReportStep;

/**
 * The report's "settle a one-sided handoff" step: the survey's own confirm / dispute question (Confirm, Not really,
 * "Yes, and there's more") sent again to the side that has not answered, as if the claimant had just named it. At most
 * once a week per handoff (the notification key holds the week), and not while that person has paused Handoff.
 */
@Component
class SettleStep implements ReportStep {
    static final String KIND = "settle";

    private final GraphStore graph;
    private final PreferencesStore preferences;
    private final Clock clock;
    private final CustomerMoments moments;

    @Autowired
    SettleStep(GraphStore graph, PreferencesStore preferences, ObjectProvider<Clock> clock,
               ObjectProvider<CustomerMoments> moments) {
        this(graph, preferences, clock.getIfAvailable(Clock::systemUTC),
                moments.getIfAvailable(() -> CustomerMoments.NONE));
    }

    SettleStep(GraphStore graph, PreferencesStore preferences, Clock clock, CustomerMoments moments) {
        this.graph = graph;
        this.preferences = preferences;
        this.clock = clock;
        this.moments = moments;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<Offer> offer(TenantId tenant, MapAccess.Viewer viewer, Handoff edge, OrgGraph org) {
        if (edge.status() != EdgeStatus.CLAIMED) {
            return Optional.empty();
        }
        Optional<Person> silent = org.person(silent(edge));
        Optional<Person> claimant = org.person(claimant(edge));
        if (silent.isEmpty() || claimant.isEmpty() || silent.get().id().equals(viewer.person())) {
            return Optional.empty();
        }
        String first = Names.first(silent.get());
        String whose = claimant.get().id().equals(viewer.person()) ? "your"
                : Names.possessive(Names.first(claimant.get()));
        return Optional.of(new Offer("Ask " + silent.get().displayName() + " to confirm or dispute " + whose + " “"
                + edge.what() + "”",
                "Ask " + first + " to confirm"));
    }

    @Override
    public Outcome run(Actor manager, Handoff edge) {
        TenantId tenant = manager.tenant();
        if (edge.status() != EdgeStatus.CLAIMED) {
            return Outcome.show(Message.text("Both sides have answered that handoff already: “" + edge.what() + "” is "
                    + (edge.status() == EdgeStatus.CONFIRMED ? "confirmed." : "disputed.")));
        }
        Person silent = graph.person(tenant, silent(edge)).orElseThrow();
        Person claimant = graph.person(tenant, claimant(edge)).orElseThrow();
        Instant now = clock.instant();
        if (preferences.paused(tenant, silent.id(), now)) {
            return Outcome.show(Message.text(Names.first(silent) + " has paused Handoff for now, so nothing was "
                    + "sent. They will see the question when they are back."));
        }
        Optional<String> team = claimant.teamId().map(t -> graph.teamMap(tenant).teamName(t));
        Message question = Asks.question(edge, claimant, team, moments.nearest(tenant, edge.downstream()));
        Instant week = LocalDate.ofInstant(now, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay().toInstant(ZoneOffset.UTC);
        Notification ask = new Notification(silent.id(), question,
                NotificationKeys.of("confirm-again", edge.upstream(), edge.downstream(), week));
        return new Outcome(new Reply.Show(Message.text("Asked " + Names.first(silent) + " to confirm or dispute "
                + Names.possessive(Names.first(claimant)) + " “" + edge.what() + "” (at most once a week). Their "
                + "answer shows in your next report.")), List.of(ask), false);
    }

    private static PersonId claimant(Handoff edge) {
        return edge.claimedBy() == ClaimedBy.UPSTREAM ? edge.upstream() : edge.downstream();
    }

    private static PersonId silent(Handoff edge) {
        return edge.claimedBy() == ClaimedBy.UPSTREAM ? edge.downstream() : edge.upstream();
    }
}
