package io.handoff.survey;

import static io.handoff.survey.SurveyFixture.shown;
import static io.handoff.survey.SurveyFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.FailureReference;
import io.handoff.conversation.ConversationFeature;
import io.handoff.chat.HomeView;
import io.handoff.chat.Interaction;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
import io.handoff.conversation.Conversation;
import io.handoff.graph.GraphException;
import io.handoff.graph.Refusal;

/** The dispatcher: routing by word and prefix, help for anything unknown, friendly refusals, the composed home. */
class ConversationTest {

    /** A second feature, as stories or friction polls will be: it records what reached it. */
    static final class EchoFeature implements ConversationFeature {
        final List<String> seen = new ArrayList<>();
        final int homeBlocks;

        EchoFeature(int homeBlocks) {
            this.homeBlocks = homeBlocks;
        }

        @Override
        public String prefix() {
            return "echo.";
        }

        @Override
        public List<CommandHelp> commands() {
            return List.of(new CommandHelp("echo", "echo <text>", "says it back"),
                    new CommandHelp("boom", "boom", "refuses"), new CommandHelp("crash", "crash", "fails"));
        }

        @Override
        public Outcome onCommand(Actor actor, String word, String args) {
            if (word.equals("boom")) {
                throw new GraphException("there is nothing to blow up");
            }
            if (word.equals("crash")) { // a fault, not a refusal: its text must never reach the person
                return Outcome.show(io.handoff.chat.Message.text("count " + Integer.parseInt("twelve")));
            }
            seen.add(word + ":" + args);
            return Outcome.show(io.handoff.chat.Message.text("echo " + args));
        }

        @Override
        public Outcome onButton(Interaction.ButtonPressed pressed) {
            if (pressed.action().id().equals("echo.crash")) {
                throw new IllegalArgumentException("internal detail 0x2f of the echo store");
            }
            seen.add("button:" + pressed.action().id() + "=" + pressed.action().value());
            return Outcome.reply(new Reply.Nothing());
        }

        @Override
        public Outcome onForm(Interaction.FormSubmitted submitted) {
            throw new Refusal("the echo form is closed");
        }

        @Override
        public List<Block> homeSection(Actor actor) {
            List<Block> blocks = new ArrayList<>();
            for (int i = 0; i < homeBlocks; i++) {
                blocks.add(Paragraph.of("echo home " + i));
            }
            return blocks;
        }
    }

    private final EchoFeature echo = new EchoFeature(2);
    private final SurveyFixture f = new SurveyFixture(List.of(echo));

    @Test
    void routesCommandsByTheirFirstWordAndButtonsByPrefix() {
        Outcome outcome = f.command("pat", "  ECHO   hello  there ");
        f.press("pat", new Action("echo.ping", "42"));

        assertThat(text(shown(outcome))).isEqualTo("echo hello  there");
        assertThat(echo.seen).containsExactly("echo:hello  there", "button:echo.ping=42");
    }

    @Test
    void countsInteractionsByKindFeatureAndResult() {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        Conversation counted = new Conversation(f.graph, List.of(f.survey, new EchoFeature(0)), meters);

        counted.handle(new Interaction.Command(f.actor("pat"), "echo hi"));
        counted.handle(new Interaction.Command(f.actor("pat"), "boom"));
        counted.handle(new Interaction.Command(f.actor("pat"), "what"));
        counted.handle(new Interaction.FormSubmitted(f.actor("pat"), "survey.customers.pick", "",
                Map.of("people", List.of("pat"))));

        assertThat(meters.counter(Conversation.INTERACTIONS, "kind", "command", "feature", "echo.", "result", "ok")
                .count()).isEqualTo(1.0);
        assertThat(meters.counter(Conversation.INTERACTIONS, "kind", "command", "feature", "echo.", "result",
                "refused").count()).isEqualTo(1.0);
        assertThat(meters.counter(Conversation.INTERACTIONS, "kind", "command", "feature", "none", "result", "ok")
                .count()).isEqualTo(1.0);
        assertThat(meters.counter(Conversation.INTERACTIONS, "kind", "form", "feature", "survey.", "result",
                "invalid").count()).isEqualTo(1.0);
    }

    @Test
    void helpListsEveryFeaturesCommands() {
        for (String input : List.of("help", "", "   ", "HELP")) {
            String help = text(shown(f.command("pat", input)));
            assertThat(help).as(input).startsWith("# What I can do")
                    .contains("customers — tell me who depends on your work")
                    .contains("pause [2 weeks] — ").contains("resume — ").contains("my-data — ").contains("forget-me — ")
                    .contains("map [@person | team <name> | org | journey <name>]").contains("echo <text> — says it back").contains("help — this list")
                    .endsWith("[Map my customers]");
            assertThat(help).as(input + ": file formats are for 'map help'")
                    .doesNotContain("svg").doesNotContain("mermaid").doesNotContain("csv").contains("'map help'");
        }
        String mapHelp = text(shown(f.command("pat", "map help")));
        assertThat(mapHelp).contains("[as png|svg|dot|mermaid|csv|graphml|gexf|json|backstage|team-api]")
                .contains("'map org as svg'");
    }

    @Test
    void unknownWordsGetHelpNeverSilence() {
        Outcome outcome = f.command("pat", "frobnicate <!here> now");

        String answer = text(shown(outcome));
        assertThat(answer).startsWith("I don't know frobnicate yet. Here is what I can do:").contains("customers — ");
        assertThat(outcome.notifications()).isEmpty();
        assertThat(echo.seen).isEmpty();
        assertThat(text(shown(f.command("pat", "x".repeat(5000))))).startsWith("I don't know " + "x".repeat(39) + "… yet.");
        assertThat(text(shown(f.press("pat", new Action("nobody.owns.this", ""))))).startsWith("That button is no longer in use.");
        Outcome form = f.submit("pat", "nobody.form", "", Map.of());
        assertThat(form.reply()).isInstanceOf(Reply.CloseForm.class);
    }

    @Test
    void refusedInputBecomesAFriendlyMessage() {
        assertThat(text(shown(f.command("pat", "boom"))))
                .startsWith("Sorry, that did not work: there is nothing to blow up.")
                .contains("Type help");
        Outcome form = f.submit("pat", "echo.form", "", Map.of());
        assertThat(form.reply()).isInstanceOf(Reply.CloseForm.class);
        assertThat(text(shown(form))).startsWith("Sorry, that did not work: the echo form is closed.");
        assertThat(text(shown(f.press("pat", new Action("survey.nonsense", "")))))
                .startsWith("Sorry, that did not work: that button is no longer in use.");
    }

    @Test
    void aFaultShowsAGenericMessageWithAReferenceThatIsInTheLogNeverTheExceptionsText() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger logger = (Logger) LoggerFactory.getLogger(Conversation.class);
        logger.addAppender(logged);
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        Conversation counted = new Conversation(f.graph, List.of(f.survey, new EchoFeature(0)), meters);
        try {
            Outcome crashed = counted.handle(new Interaction.Command(f.actor("pat"), "crash"));
            Outcome pressed = counted.handle(new Interaction.ButtonPressed(f.actor("pat"),
                    new Action("echo.crash", "")));

            for (Outcome outcome : List.of(crashed, pressed)) {
                String answer = text(shown(outcome));
                assertThat(answer).startsWith("Something went wrong on our side.")
                        .doesNotContain("For input string").doesNotContain("twelve")
                        .doesNotContain("0x2f").doesNotContain("Sorry, that did not work");
                String reference = answer.replaceAll("(?s).*reference ([0-9a-f]{10})\\..*", "$1");
                assertThat(reference).matches("[0-9a-f]{10}");
                ILoggingEvent entry = logged.list.stream()
                        .filter(e -> e.getFormattedMessage().contains(reference)).findFirst().orElseThrow();
                assertThat(entry.getLevel()).isEqualTo(Level.ERROR);
                assertThat(entry.getMDCPropertyMap()).containsEntry(FailureReference.MDC_KEY, reference);
                assertThat(entry.getThrowableProxy()).isNotNull();
            }
            assertThat(logged.list.get(0).getThrowableProxy().getClassName())
                    .isEqualTo(NumberFormatException.class.getName());
            assertThat(text(shown(crashed))).isNotEqualTo(text(shown(pressed))); // a new reference each time
            assertThat(meters.counter(Conversation.INTERACTIONS, "kind", "command", "feature", "echo.", "result",
                    "failed").count()).isEqualTo(1.0);
        } finally {
            logger.detachAppender(logged);
        }
    }

    /** Issue 19: a typo gets "did you mean", and "/handoff map" works where there is no slash command. */
    @Test
    void aTypoGetsDidYouMeanAndTheSlashCommandsNameIsUnderstoodAnywhere() {
        Outcome typo = f.command("pat", "custmers");
        assertThat(shown(typo).summary()).isEqualTo("Did you mean customers?");
        assertThat(text(shown(typo))).startsWith("I don't know custmers. Did you mean customers? Here is what I can do:");
        assertThat(shown(f.command("pat", "halp")).summary()).isEqualTo("Did you mean help?");
        assertThat(shown(f.command("pat", "frobnicate")).summary()).isEqualTo("I don't know that command yet");
        assertThat(shown(f.command("pat", "ma")).summary()).isEqualTo("Did you mean map?");
        assertThat(shown(f.command("pat", "mpx")).summary()).as("two edits off a short word")
                .isEqualTo("I don't know that command yet");

        f.command("pat", "/handoff echo hello there");
        assertThat(echo.seen).containsExactly("echo:hello there");
        assertThat(text(shown(f.command("pat", "/handoff")))).startsWith("# What I can do").doesNotContain("Did you mean");
    }

    @Test
    void aPersonHandoffDoesNotKnowIsToldToStartWithCustomers() {
        f.graph.deletePerson(f.tenant, SurveyFixture.id("ravi"));

        for (Outcome outcome : List.of(f.command("ravi", "customers"), f.command("ravi", "my-data"),
                f.press("ravi", new Action("survey.start", "")), f.press("ravi", new Action("echo.x", "")))) {
            assertThat(text(shown(outcome))).contains("I don't know you yet").contains("Type customers");
        }
        assertThat(text(f.conversation.home(f.actor("ravi")).blocks())).contains("Type customers");
        assertThat(echo.seen).isEmpty();
        assertThat(text(shown(f.command("ravi", "help")))).startsWith("# What I can do");
    }

    @Test
    void homeComposesEveryFeaturesSectionSurveyFirst() {
        HomeView home = f.conversation.home(f.actor("pat"));

        String all = text(home.blocks());
        assertThat(all).startsWith("# Your internal customers").contains("# Your suppliers")
                .endsWith("echo home 0\necho home 1");
    }

    @Test
    void homeStaysWithinOneHundredBlocks() {
        SurveyFixture crowded = new SurveyFixture(List.of(new EchoFeature(150)));

        HomeView home = crowded.conversation.home(crowded.actor("pat"));

        assertThat(home.blocks()).hasSizeLessThanOrEqualTo(Conversation.MAX_HOME_BLOCKS);
        assertThat(text(home.blocks())).contains("# Your internal customers").doesNotContain("echo home")
                .endsWith("There is more than fits here. Type help to see every command.");
    }

    @Test
    void refusesFeaturesThatClaimTheSameWordOrPrefix() {
        assertThatThrownBy(() -> new Conversation(f.graph, List.of(new EchoFeature(0), new EchoFeature(0))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("overlap");
        ConversationFeature secondMap = new ConversationFeature() {
            @Override
            public String prefix() {
                return "maps.";
            }

            @Override
            public List<CommandHelp> commands() {
                return List.of(new CommandHelp("map", "map", "the real map"));
            }
        };
        assertThatThrownBy(() -> new Conversation(f.graph, List.of(f.survey, io.handoff.map.MapConversation.of(f.graph, io.handoff.map.MapProperties.defaults()), secondMap)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("command 'map'");
    }
}
