package io.handoff.journey;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Action;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Paragraph;
import io.handoff.graph.GraphStore;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.PersonId;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.nudge.NudgeKey;
import io.handoff.nudge.Nudges;
import io.handoff.scheduler.DailySchedule;
import io.handoff.scheduler.Job;
import io.handoff.scheduler.JobHandler;
import io.handoff.scheduler.JobResult;
import io.handoff.scheduler.Scheduler;

/**
 * Leaders walk the journey: once per period of the tenant's {@code journey-walk-every} (default monthly) each team
 * manager is invited to walk one touchpoint their teams are behind (their people on its front line or in its
 * backstage): be the customer, or shadow its front-line owner for an hour. The touchpoint: game over first, then the
 * one walked least, then the one this manager was invited to longest ago (never first), then journey order; it must
 * have a front-line person other than the manager. The choice is fixed for the period ({@link WalkStore#invite}), and
 * the invitation is a nudge keyed {@link NudgeKey#walk} (person, touchpoint, purpose, period), so nobody is invited
 * twice in a period however often the job runs; the outbox's delivery rules apply. Daily job {@value #TYPE}, id
 * {@code journey-walk-invitations:<date>}, due 09:30 UTC.
 */
final class WalkInvitations implements JobHandler {
    public static final String TYPE = "journey.walk-invitations";
    static final String CUSTOMER = "walk.customer";
    static final String SHADOW = "walk.shadow";
    static final String SKIP = "walk.skip";
    private static final Logger log = LoggerFactory.getLogger(WalkInvitations.class);

    private final GraphStore graph;
    private final JourneyInsights insights;
    private final WalkStore walks;
    private final Nudges nudges;
    private final DailySchedule daily;
    private final Function<TenantId, java.time.Period> every;
    private final Clock clock;

    WalkInvitations(GraphStore graph, JourneyInsights insights, WalkStore walks, Nudges nudges, Scheduler scheduler,
                    Function<TenantId, java.time.Period> every) {
        this.graph = Objects.requireNonNull(graph);
        this.insights = Objects.requireNonNull(insights);
        this.walks = Objects.requireNonNull(walks);
        this.nudges = Objects.requireNonNull(nudges);
        this.daily = new DailySchedule(scheduler, "journey-walk-invitations", TYPE, LocalTime.of(9, 30));
        this.every = Objects.requireNonNull(every);
        this.clock = scheduler.clock();
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Schedules today's run at 09:30 UTC if still ahead, else tomorrow's. Idempotent. */
    public void scheduleNext(TenantId tenant) {
        daily.scheduleNext(tenant);
    }

    @Override
    public JobResult handle(Job job) {
        TenantId tenant = job.tenant();
        if (graph.tenant(tenant).isEmpty()) {
            return JobResult.done("tenant gone");
        }
        int sent = send(tenant);
        daily.scheduleTomorrow(tenant);
        log.info("journey walk invitations of tenant {}: {} queued", tenant, sent);
        return JobResult.done(sent + " walk invitations");
    }

    /** A touchpoint a manager could walk: its plan, its journey, and the front-line person to shadow. */
    record Candidate(Journey journey, Blueprint.TouchpointPlan plan, FrontLine host, int order) {
        String key() {
            return journey.id().value() + "|" + plan.touchpoint().id().value();
        }
    }

    /** Invites every team manager who has not been invited this period; how many invitations were queued. */
    public int send(TenantId tenant) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        WalkPeriod period = WalkPeriod.of(every.apply(tenant), today);
        OrgGraph org = graph.graph(tenant);
        List<JourneyInsights.Insight> all = insights.all(tenant);
        if (all.isEmpty()) {
            return 0;
        }
        Map<String, Integer> counts = walks.counts(tenant);
        int sent = 0;
        for (Map.Entry<PersonId, Set<TeamId>> manager : managers(org).entrySet()) {
            PersonId person = manager.getKey();
            List<Candidate> candidates = candidates(all, org, person, manager.getValue());
            if (candidates.isEmpty()) {
                continue;
            }
            Map<String, String> invited = walks.invitations(tenant, person);
            Candidate pick = invited.containsKey(period.id())
                    ? candidates.stream().filter(c -> c.key().equals(invited.get(period.id()))).findFirst()
                    .orElse(null)
                    : pick(candidates, counts, invited);
            if (pick == null) {
                continue; // this period's touchpoint is no longer one they can walk: no second invitation
            }
            String fixed = walks.invite(tenant, person, period.id(), pick.key());
            if (!fixed.equals(pick.key())) {
                continue; // another replica fixed another one a moment ago: it sends that one
            }
            Notification note = new Notification(person, message(pick, period, counts.getOrDefault(pick.key(), 0),
                    reasonsTeams(pick, org, manager.getValue()), !invited.containsValue(pick.key()),
                    insights(all, pick)), NudgeKey.walk(person, pick.journey().id().value(),
                    pick.plan().touchpoint().id().value(), period.id()).value());
            if (nudges.send(tenant, note, clock.instant())) {
                sent++;
            }
        }
        return sent;
    }

    /** Every team manager still in the graph, with the teams they manage. */
    static Map<PersonId, Set<TeamId>> managers(OrgGraph org) {
        Map<PersonId, Set<TeamId>> managers = new java.util.TreeMap<>(Comparator.comparing(PersonId::value));
        for (Team team : org.teams().values()) {
            team.managers().stream().filter(org.people()::containsKey)
                    .forEach(m -> managers.computeIfAbsent(m, x -> new TreeSet<>()).add(team.id()));
        }
        return managers;
    }

    /** The touchpoints the manager's teams are behind that have someone other than the manager on the front line. */
    static List<Candidate> candidates(List<JourneyInsights.Insight> all, OrgGraph org, PersonId manager,
                                      Set<TeamId> teams) {
        List<Candidate> candidates = new ArrayList<>();
        int order = 0;
        for (JourneyInsights.Insight insight : all) {
            for (Blueprint.StagePlan stage : insight.blueprint().stages()) {
                for (Blueprint.TouchpointPlan plan : stage.touchpoints()) {
                    order++;
                    if (!CustomerReportSection.reaches(plan, org, teams)) {
                        continue;
                    }
                    Optional<FrontLine> host = host(plan, manager);
                    if (host.isPresent()) {
                        candidates.add(new Candidate(insight.blueprint().journey(), plan, host.get(), order));
                    }
                }
            }
        }
        return candidates;
    }

    /** The person to shadow: a named owner first, then a member of an owner team; never the manager. */
    static Optional<FrontLine> host(Blueprint.TouchpointPlan plan, PersonId manager) {
        return plan.frontStage().stream().filter(f -> !f.person().equals(manager))
                .min(Comparator.comparing(FrontLine::viaTeam).thenComparing(f -> f.person().value()));
    }

    /** Game over first, then walked least, then invited to longest ago (never first), then journey order. */
    static Candidate pick(List<Candidate> candidates, Map<String, Integer> counts, Map<String, String> invited) {
        Map<String, String> lastInvited = new java.util.HashMap<>();
        invited.forEach((period, key) -> lastInvited.merge(key, period, (a, b) -> a.compareTo(b) >= 0 ? a : b));
        return candidates.stream().min(Comparator
                .comparing((Candidate c) -> !c.plan().touchpoint().gameOver())
                .thenComparing(c -> counts.getOrDefault(c.key(), 0))
                .thenComparing(c -> lastInvited.getOrDefault(c.key(), ""))
                .thenComparing(Candidate::order)).orElseThrow();
    }

    private static List<String> reasonsTeams(Candidate pick, OrgGraph org, Set<TeamId> teams) {
        Set<String> names = new LinkedHashSet<>();
        for (TeamId team : teams) {
            if (CustomerReportSection.reaches(pick.plan(), org, Set.of(team))) {
                names.add(org.teamName(team));
            }
        }
        return List.copyOf(names);
    }

    private static boolean insights(List<JourneyInsights.Insight> all, Candidate pick) {
        return all.stream().filter(i -> i.blueprint().journey().id().equals(pick.journey().id()))
                .flatMap(i -> i.fallen().stream())
                .anyMatch(f -> f.touchpoint().id().equals(pick.plan().touchpoint().id()));
    }

    /** The invitation, with why this touchpoint and the two ways to walk it. */
    static Message message(Candidate pick, WalkPeriod period, int walked, List<String> teams, boolean firstTime,
                           boolean fell) {
        Touchpoint touchpoint = pick.plan().touchpoint();
        String moment = touchpoint.name();
        List<String> why = new ArrayList<>();
        if (touchpoint.gameOver()) {
            why.add("it is a game-over moment: if it fails, the customer is lost");
        }
        if (fell) {
            why.add("its customer signal fell lately");
        }
        why.add(walked == 0 ? "nobody has walked it yet" : "it has been walked " + (walked == 1 ? "once"
                : walked + " times") + ", the least of the moments your teams reach");
        if (firstTime) {
            why.add("you have not been invited to it before");
        }
        String host = pick.host().name();
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.builder().plain("Walk a customer moment " + period.words() + ": ").strong(moment)
                .plain(" (" + pick.journey().name() + ", for " + pick.journey().customer() + "). The work of "
                        + JourneyConversation.inWords(teams) + " reaches it.").build());
        blocks.add(Paragraph.of("Why this one: " + String.join("; ", why) + "."));
        blocks.add(Paragraph.of("Two ways: be the customer and go through it as they do, or shadow " + host
                + ", who meets these customers, for an hour. Either way I'll put you in touch with "
                + (host.strip().contains(" ") ? host.strip().substring(0, host.strip().indexOf(' ')) : host) + "."));
        String value = value(period.id(), pick);
        blocks.add(Buttons.of(Button.primary("Be the customer", new Action(CUSTOMER, value)),
                Button.of("Shadow " + host + " for an hour", new Action(SHADOW, value)),
                Button.of("Not this time", new Action(SKIP, value))));
        return new Message("Walk " + moment + " " + period.words() + ": be the customer, or shadow " + host
                + " for an hour.", blocks);
    }

    /** The buttons' value: {@code <period>|<journey>|<touchpoint>|<host>}. */
    static String value(String period, Candidate pick) {
        return period + "|" + pick.journey().id().value() + "|" + pick.plan().touchpoint().id().value() + "|"
                + pick.host().person().value();
    }

}
