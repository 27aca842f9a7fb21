package io.handoff.journey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

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
import io.handoff.nudge.Nudges;
import io.handoff.scheduler.DailySchedule;
import io.handoff.scheduler.Job;
import io.handoff.scheduler.JobHandler;
import io.handoff.scheduler.JobResult;
import io.handoff.scheduler.Scheduler;

/**
 * When a game-over touchpoint's customer signal fell ({@link JourneyInsights}), each team upstream of it (the teams
 * of the people in its backstage, not the owner teams themselves) gets one kind, aggregate note with an invitation to
 * hear a day in the life from the front line: to the team's managers, or, for a team without a manager, to its people
 * in the backstage. Daily job (type {@value #TYPE}, id {@code journey-fall-notes:<date>}, due 09:00 UTC); each note is
 * a nudge keyed {@code journey-fall:<journey>/<touchpoint>:<team>:<period>:<person>}, so a team hears of one fall
 * (touchpoint and latest period) once, however often the job runs.
 */
final class FallNotes implements JobHandler {
    public static final String TYPE = "journey.fall-notes";
    private static final Logger log = LoggerFactory.getLogger(FallNotes.class);
    private static final int MAX_KEY = 200;

    private final GraphStore graph;
    private final JourneyInsights insights;
    private final Nudges nudges;
    private final DailySchedule daily;
    private final Clock clock;

    public FallNotes(GraphStore graph, JourneyInsights insights, Nudges nudges, Scheduler scheduler) {
        this.graph = Objects.requireNonNull(graph);
        this.insights = Objects.requireNonNull(insights);
        this.nudges = Objects.requireNonNull(nudges);
        this.daily = new DailySchedule(scheduler, "journey-fall-notes", TYPE, LocalTime.of(9, 0));
        this.clock = scheduler.clock();
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Schedules today's run at 09:00 UTC if still ahead, else tomorrow's. Idempotent. */
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
        log.info("journey fall notes of tenant {}: {} queued", tenant, sent);
        return JobResult.done(sent + " fall notes");
    }

    /** Queues the note of every recent fall at a game-over touchpoint to its upstream teams; how many were new. */
    public int send(TenantId tenant) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        OrgGraph org = graph.graph(tenant);
        int sent = 0;
        for (JourneyInsights.Insight insight : insights.all(tenant)) {
            Journey journey = insight.blueprint().journey();
            for (JourneyInsights.FallenTouchpoint fallen : insight.fallen()) {
                if (!fallen.touchpoint().gameOver() || !JourneyInsights.recent(fallen.latestPeriod(), today)) {
                    continue;
                }
                for (Map.Entry<TeamId, Set<PersonId>> team : upstreamTeams(fallen, org).entrySet()) {
                    for (PersonId to : recipients(org, team.getKey(), team.getValue())) {
                        String key = key(journey.id(), fallen.touchpoint().id(), team.getKey(),
                                fallen.latestPeriod(), to);
                        Notification note = new Notification(to, message(journey, fallen, org.teamName(team.getKey()),
                                team.getKey()), key);
                        if (nudges.send(tenant, note, clock.instant())) {
                            sent++;
                        }
                    }
                }
            }
        }
        return sent;
    }

    /** The teams of the backstage's upstream people (not the touchpoint's owner teams), with those people. */
    static Map<TeamId, Set<PersonId>> upstreamTeams(JourneyInsights.FallenTouchpoint fallen, OrgGraph org) {
        Set<TeamId> owners = Set.copyOf(fallen.plan().owners().teams());
        Set<PersonId> front = new LinkedHashSet<>();
        fallen.plan().frontStage().forEach(f -> front.add(f.person()));
        Map<TeamId, Set<PersonId>> teams = new LinkedHashMap<>();
        for (BackstageHandoff h : fallen.plan().backstage()) {
            if (front.contains(h.upstream())) {
                continue;
            }
            org.teamOf(h.upstream()).filter(t -> !owners.contains(t))
                    .ifPresent(t -> teams.computeIfAbsent(t, x -> new TreeSet<>()).add(h.upstream()));
        }
        return teams;
    }

    private static Set<PersonId> recipients(OrgGraph org, TeamId team, Set<PersonId> behind) {
        Team t = org.teams().get(team);
        Set<PersonId> managers = new TreeSet<>();
        if (t != null) {
            t.managers().stream().filter(org.people()::containsKey).forEach(managers::add);
        }
        return managers.isEmpty() ? behind : managers;
    }

    static Message message(Journey journey, JourneyInsights.FallenTouchpoint fallen, String teamName, TeamId team) {
        String moment = fallen.touchpoint().name();
        List<Block> blocks = new ArrayList<>();
        Paragraph.Builder first = Paragraph.builder().plain("Customers are having a harder time at ").strong(moment)
                .plain(" (" + journey.name() + "), a moment where a failure loses the customer:");
        fallen.falls().forEach(f -> first.plain("\n• " + f.describe()));
        blocks.add(first.build());
        blocks.add(Paragraph.builder().plain("The work of ").strong(teamName)
                .plain(" reaches that moment through the handoffs behind it. This is about the whole chain, not "
                        + "any one person, and the figures are the customers' own.").build());
        blocks.add(Paragraph.of("Would you like to hear a day in the life from the people who meet those customers?"));
        blocks.add(Buttons.of(Button.primary("Hear a day in the life", new Action(JourneyConversation.HEAR,
                JourneyConversation.StoryInvitations.value(journey.id(), fallen.touchpoint().id(), team)))));
        return new Message("Customers are having a harder time at " + moment + ", which the work of " + teamName
                + " reaches. Would you like to hear a day in the life from the front line?", blocks);
    }

    static String key(JourneyId journey, TouchpointId touchpoint, TeamId team, SignalPeriod period, PersonId to) {
        String key = "journey-fall:" + journey + "/" + touchpoint + ":" + team + ":" + period + ":" + to;
        if (key.length() <= MAX_KEY) {
            return key;
        }
        return "journey-fall:" + sha(journey + "/" + touchpoint + ":" + team + ":" + to) + ":" + period;
    }

    private static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

}
