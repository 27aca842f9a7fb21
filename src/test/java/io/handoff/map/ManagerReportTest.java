package io.handoff.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.ChatBot;
import io.handoff.chat.Heading;
import io.handoff.chat.Interaction;
import io.handoff.chat.Link;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
import io.handoff.friction.FrictionAnswer;
import io.handoff.friction.FrictionService;
import io.handoff.friction.Period;
import io.handoff.graph.Criticality;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.Frequency;
import io.handoff.graph.GraphStore;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Side;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestAppProperties;
import io.handoff.testing.TestRedis;

/**
 * The manager's report as the application wires it (maps, friction, stories, survey), through the ChatBot, on a
 * hand-made depot in the real test Redis with friction answers in four closed periods (the default cadence: two
 * weeks) and the running one:
 * <ul>
 *   <li>Sorting (Sam, Noor; managed by Mia) hands parcels sorted by route (critical) to Pat, Kim and Lee of Pre-load
 *       (managed by Lee), who rated it 3.0, 2.7, 2.3 then 1.7 of 5: blocking, worse for 3 weeks;</li>
 *   <li>Kim hands a returns list (important) to Dana, Fay and Gus of Drivers (managed by Ravi and Mia), rated 2.0, 2.3,
 *       3.0 then 3.7: better since the first of those weeks;</li>
 *   <li>Pat hands the truck loaded in delivery order (critical) to Dana and Ed, who both rated it 1 this week only:
 *       2 of the minimum 3, so no figure is ever shown;</li>
 *   <li>Pat → Gus (spare van keys) is disputed; Noor says she hands Lee returns sorted by depot, Pat says he counts on
 *       Kim's loading plan: each named by one side only.</li>
 * </ul>
 * Ada is an admin who manages no team.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ManagerReportTest {
    /** A fresh tenant per test (the steps change the graph), each with Ada as its admin. */
    private static final List<TenantId> TENANTS = java.util.stream.IntStream.range(0, 16)
            .mapToObj(i -> TestRedis.uniqueTenant()).toList();
    private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedisWithAdminToken(registry);
        registry.add("handoff.maps.admins", () -> String.join(";", TENANTS.stream().map(t -> t.value() + "=ada")
                .toList()));
    }

    private final TenantId TENANT = TENANTS.get(NEXT.getAndIncrement());

    @Autowired
    ChatBot bot;

    @Autowired
    GraphStore graph;

    @Autowired
    FrictionService friction;

    private Period current;
    /** The four closed weeks, oldest first. */
    private final List<Period> closed = new ArrayList<>();

    private static PersonId id(String id) {
        return PersonId.of(id);
    }

    private void person(String id, String name, String team) {
        graph.savePerson(TENANT, new Person(id(id), name, null, team == null ? null : TeamId.of(team), null, Map.of()));
    }

    private void confirmed(String up, String down, String what, Criticality criticality) {
        HandoffTerms terms = new HandoffTerms(what, Frequency.DAILY, criticality);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        graph.claim(TENANT, id(up), id(down), terms, Side.DOWNSTREAM, now);
        graph.claim(TENANT, id(up), id(down), terms, Side.UPSTREAM, now);
    }

    private void claimed(String up, String down, String what, Criticality criticality, Side by) {
        graph.claim(TENANT, id(up), id(down), new HandoffTerms(what, Frequency.DAILY, criticality), by,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private void rate(Period period, String up, String down, String what, Criticality criticality, int score) {
        TeamId upTeam = graph.person(TENANT, id(up)).orElseThrow().teamId().orElseThrow();
        TeamId downTeam = graph.person(TENANT, id(down)).orElseThrow().teamId().orElseThrow();
        Instant at = period.start().atTime(12, 0).toInstant(ZoneOffset.UTC);
        assertThat(friction.store().record(TENANT, period, new FrictionAnswer(id(up), id(down), upTeam, downTeam,
                what, criticality, score, "", at))).isTrue();
    }

    @BeforeEach
    void aDepotWithFourClosedWeeksOfFriction() {
        graph.saveTenant(new Tenant(TENANT, "Hand-made depot", null, null, null, Instant.now()));
        graph.saveTeam(TENANT, Team.of("sorting", "Sorting", id("mia")));
        graph.saveTeam(TENANT, Team.of("preload", "Pre-load", id("lee")));
        graph.saveTeam(TENANT, Team.of("drivers", "Drivers", id("ravi"), id("mia")));
        person("sam", "Sam Reyes", "sorting");
        person("noor", "Noor Haddad", "sorting");
        person("mia", "Mia Chen", "sorting");
        person("pat", "Pat Okafor", "preload");
        person("kim", "Kim Lo", "preload");
        person("lee", "Lee Marsh", "preload");
        person("ravi", "Ravi Shah", "drivers");
        person("dana", "Dana Kowalski", "drivers");
        person("ed", "Ed Novak", "drivers");
        person("fay", "Fay Ortiz", "drivers");
        person("gus", "Gus Berg", "drivers");
        person("ada", "Ada Admin", null);
        for (String down : List.of("pat", "kim", "lee")) {
            confirmed("sam", down, "parcels sorted by route", Criticality.CRITICAL);
        }
        for (String down : List.of("dana", "fay", "gus")) {
            confirmed("kim", down, "returns list", Criticality.IMPORTANT);
        }
        confirmed("pat", "dana", "truck loaded in delivery order", Criticality.CRITICAL);
        confirmed("pat", "ed", "truck loaded in delivery order", Criticality.CRITICAL);
        confirmed("pat", "gus", "spare van keys", Criticality.ROUTINE);
        graph.update(TENANT, id("pat"), id("gus"), e -> e.map(h -> h.disputedBy(Side.DOWNSTREAM, Instant.now())));
        claimed("noor", "lee", "returns sorted by depot", Criticality.ROUTINE, Side.UPSTREAM);
        claimed("kim", "pat", "loading plan", Criticality.IMPORTANT, Side.DOWNSTREAM);

        current = friction.currentPeriod(TENANT);
        Period p = current;
        for (int i = 0; i < 4; i++) {
            p = p.previous();
            closed.add(0, p);
        }
        int[][] sorted = {{3, 3, 3}, {3, 3, 2}, {2, 2, 3}, {2, 2, 1}};  // 3.0, 2.7, 2.3, 1.7
        int[][] returns = {{2, 2, 2}, {2, 2, 3}, {3, 3, 3}, {4, 4, 3}}; // 2.0, 2.3, 3.0, 3.7
        for (int week = 0; week < 4; week++) {
            List<String> preload = List.of("pat", "kim", "lee");
            List<String> drivers = List.of("dana", "fay", "gus");
            for (int i = 0; i < 3; i++) {
                rate(closed.get(week), "sam", preload.get(i), "parcels sorted by route", Criticality.CRITICAL,
                        sorted[week][i]);
                rate(closed.get(week), "kim", drivers.get(i), "returns list", Criticality.IMPORTANT, returns[week][i]);
            }
            friction.close(TENANT, closed.get(week));
        }
        rate(current, "pat", "dana", "truck loaded in delivery order", Criticality.CRITICAL, 1);
        rate(current, "pat", "ed", "truck loaded in delivery order", Criticality.CRITICAL, 1);
    }

    private Outcome say(String person, String text) {
        return bot.handle(new Interaction.Command(new Actor(TENANT, id(person)), text));
    }

    private Message report(String person) {
        return ((Reply.Show) say(person, "report").reply()).message();
    }

    private static String text(Message message) {
        StringBuilder text = new StringBuilder();
        for (Block block : message.blocks()) {
            if (block instanceof Paragraph p) {
                text.append(p.plainText()).append('\n');
            } else if (block instanceof Heading h) {
                text.append("# ").append(h.text()).append('\n');
            } else if (block instanceof Buttons b) {
                b.buttons().forEach(button -> text.append("[").append(button.label()).append("]\n"));
            } else if (block instanceof Link l) {
                text.append("(").append(l.label()).append(")\n");
            }
        }
        return text.toString();
    }

    private static List<Button> buttons(Message message) {
        return message.blocks().stream().filter(Buttons.class::isInstance).map(Buttons.class::cast)
                .flatMap(b -> b.buttons().stream()).toList();
    }

    private static Action button(Message message, String label) {
        return buttons(message).stream().filter(b -> b.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + text(message))).action();
    }

    private Outcome press(String person, Action action) {
        return bot.handle(new Interaction.ButtonPressed(new Actor(TENANT, id(person)), action));
    }

    private static Message shown(Outcome outcome) {
        return ((Reply.Show) outcome.reply()).message();
    }

    @Test
    void theThreeHandoffsThatNeedAttentionComeWithTheirFiguresTrendInWordsAndBlockingDefined() {
        String lee = text(report("lee"));
        // three periods in a row each worse than the one before, read as weeks
        long weeks = ChronoUnit.DAYS.between(closed.get(1).start(), closed.get(3).end()) / 7;

        assertThat(lee).startsWith("# Handoff report for Pre-load\n").containsSubsequence(
                "The three handoffs that need attention most (into and out of your team):",
                "1. Sam Reyes → Kim Lo, Pat Okafor and you: parcels sorted by route (critical, confirmed): rated 1.7 of "
                        + "5 by Pre-load from 3 answers, worse for " + weeks + " weeks. Blocking",
                "2. Pat Okafor → Gus Berg: spare van keys (disputed)",
                "3. Noor Haddad → you: returns sorted by depot (named by Noor only)",
                "Blocking means a critical handoff that is disputed or rated 2 of 5 or worse",
                "Ratings are the receiving team's answers to the friction poll, from 1 (got in the way) to 5");
        // three and only three: the critical truck loading and the improving returns list wait below them
        String attention = lee.substring(lee.indexOf("most"), lee.indexOf("Named by one side only"));
        assertThat(attention.lines()).hasSize(4);
        assertThat(attention).doesNotContain("returns list", "truck loaded");
        assertThat(lee).doesNotContainPattern("(?i)\\b(pat|kim|sam|lee|ravi|noor|gus|preload|sorting)\\b>");
    }

    @Test
    void belowTheFrictionMinimumTheReportSaysHowManyAnsweredAndNeverTheFigure() {
        String ravi = text(report("ravi"));

        assertThat(ravi).startsWith("# Handoff report for Drivers\n").containsSubsequence(
                "1. Pat Okafor → Gus Berg: spare van keys (disputed)",
                "2. Pat Okafor → Dana Kowalski and Ed Novak: truck loaded in delivery order (critical, confirmed): "
                        + "not enough answers yet (2 of 3 " + current.spoken() + ")",
                "3. Kim Lo → Dana Kowalski, Fay Ortiz and Gus Berg: returns list (confirmed): rated 3.7 of 5 by "
                        + "Drivers from 3 answers, better since " + closed.get(0).label());
        // Dana and Ed both answered 1: no mean of theirs may appear anywhere
        assertThat(ravi).doesNotContain("1.0").doesNotContain("rated 1 ");
        assertThat(closed.get(0).label()).doesNotContain("-W", "-F");
    }

    @Test
    void oneSidedHandoffsSayWhoSaysWhatOfWhom() {
        String lee = text(report("lee"));

        assertThat(lee).containsSubsequence("Named by one side only:",
                "• Pat Okafor says they count on Kim Lo's loading plan; Kim has not named Pat yet",
                "• Noor Haddad says they hand you returns sorted by depot; you have not named Noor yet");
    }

    @Test
    void aManagerOfSeveralTeamsGetsASectionPerTeamAndAnAdminTheWholeOrganisation() {
        String mia = text(report("mia"));
        String ada = text(report("ada"));
        Outcome pat = say("pat", "report");

        assertThat(mia).startsWith("# Handoff report for Drivers, Sorting\n").containsSubsequence(
                "# Drivers", "1. Pat Okafor → Gus Berg: spare van keys (disputed)", "Next steps:",
                "# Sorting", "1. Sam Reyes → Kim Lo, Lee Marsh and Pat Okafor: parcels sorted by route",
                "2. Noor Haddad → Lee Marsh: returns sorted by depot (named by Noor only)",
                "• Noor Haddad says they hand Lee Marsh returns sorted by depot; Lee has not named Noor yet");
        assertThat(ada).startsWith("# Handoff report for the whole organisation\n").containsSubsequence(
                "The three handoffs that need attention most",
                "1. Sam Reyes → Kim Lo, Lee Marsh and Pat Okafor: parcels sorted by route (critical, confirmed): "
                        + "rated 1.7 of 5",
                "2. Pat Okafor → Gus Berg: spare van keys (disputed)",
                "3. Noor Haddad → Lee Marsh: returns sorted by depot (named by Noor only)",
                "Next steps:", "[Ask ", "(Open the map)", "Silos:", "Coverage: ");
        assertThat(ada).doesNotContain("# The whole organisation");
        assertThat(text(shown(pat))).contains("The report is for managers");
    }

    @Test
    void askingForAStoryStartsTheStoryPromptOfTheEmpathyLoop() {
        Message report = report("lee");
        assertThat(text(report)).contains("• Ask Kim Lo to tell Sam Reyes what a good and a bad day look like with "
                + "their “parcels sorted by route”");
        Action ask = button(report, "Ask Kim for a story");
        assertThat(ask.id()).isEqualTo(ManagerReport.NEXT);

        Outcome asked = press("lee", ask);
        assertThat(text(shown(asked))).contains("Asked Kim for a story about Sam's “parcels sorted by route”");
        Notification prompt = asked.notifications().get(0);
        assertThat(prompt.to()).isEqualTo(id("kim"));
        assertThat(prompt.key()).startsWith("prompt:story:sam>kim:kim:");
        assertThat(text(prompt.message())).contains("Lee Marsh would like Sam to hear how this handoff lands",
                "Walk Sam through the moment you receive their parcels sorted by route");

        Outcome opened = press("kim", button(prompt.message(), "Tell the story"));
        assertThat(((Reply.OpenForm) opened.reply()).form().id()).isEqualTo("story.form");
    }

    @Test
    void settlingAOneSidedHandoffSendsTheSurveysQuestionAndItsConfirmButtonConfirms() {
        Message report = report("lee");
        assertThat(text(report)).contains("• Ask Kim Lo to confirm or dispute Pat's “loading plan”");

        Outcome asked = press("lee", button(report, "Ask Kim to confirm"));
        Notification question = asked.notifications().get(0);
        assertThat(question.to()).isEqualTo(id("kim"));
        assertThat(text(question.message())).contains("Pat Okafor", "counts on your", "loading plan");

        press("kim", button(question.message(), "Confirm"));
        assertThat(graph.handoff(TENANT, id("kim"), id("pat")).orElseThrow().status()).isEqualTo(EdgeStatus.CONFIRMED);
        assertThat(text(report("lee"))).doesNotContain("loading plan");
    }

    @Test
    void afterASignedStoryTheReportArrangesAShadowingThroughTheStorysOwnButton() {
        Actor dana = new Actor(TENANT, id("dana"));
        var form = ((Reply.OpenForm) say("dana", "story pat").reply()).form();
        Outcome preview = bot.handle(new Interaction.FormSubmitted(dana, form.id(), form.state(), Map.of(
                "text", List.of("When the truck is loaded in drop order I am out by seven."),
                "as", List.of("named"))));
        press("dana", button(((Reply.CloseForm) preview.reply()).message(), "Send"));

        Message report = report("ravi");
        assertThat(text(report)).contains("• Suggest Pat Okafor shadows a shift of Dana Kowalski, who told Pat about "
                + "a day with “truck loaded in delivery order”");
        Outcome suggested = press("ravi", button(report, "Suggest shadowing Dana"));
        Notification toPat = suggested.notifications().get(0);
        assertThat(toPat.to()).isEqualTo(id("pat"));
        assertThat(text(toPat.message())).contains("Ravi Shah suggests you shadow a shift of Dana Kowalski");

        Outcome shadow = press("pat", button(toPat.message(), "I'd like to shadow a shift"));
        Notification toDana = shadow.notifications().get(0);
        assertThat(toDana.to()).isEqualTo(id("dana"));
        assertThat(buttons(toDana.message())).extracting(b -> b.action().id()).contains("story.shadow-propose");
        assertThat(text(report("ravi"))).doesNotContain("Suggest shadowing Dana");
    }

    @Test
    void aStepIsRefusedInWordsForSomeoneElsesTeamsOrAButtonThatCannotBeRead() {
        Outcome notManager = press("pat", new Action(ManagerReport.NEXT, "settle:noor>lee"));
        Outcome otherTeams = press("ravi", new Action(ManagerReport.NEXT, "story:sam>pat"));
        Outcome garbage = press("lee", new Action(ManagerReport.NEXT, "story:sam>{x}"));
        Outcome unknown = press("lee", new Action(ManagerReport.NEXT, "launch:sam>pat"));

        assertThat(text(shown(notManager))).contains("not one of your teams'");
        assertThat(notManager.notifications()).isEmpty();
        assertThat(text(shown(otherTeams))).contains("not one of your teams'");
        assertThat(otherTeams.notifications()).isEmpty();
        assertThat(text(shown(garbage))).contains("could not be read");
        assertThat(text(shown(unknown))).contains("no longer in use");
    }
}
