package io.handoff.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.ChatBot;
import io.handoff.conversation.ConversationFeature;
import io.handoff.chat.FailureReference;
import io.handoff.chat.Heading;
import io.handoff.chat.HomeView;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
import io.handoff.graph.GraphException;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Refusal;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The platform-neutral conversation: routes every {@link Interaction} to the {@link ConversationFeature} that owns
 * it (commands by their first word, buttons and forms by the prefix of their id) and composes the home view from
 * every feature's section. Unknown input gets the help text, never silence; input a feature refuses
 * ({@link Refusal}, {@link GraphException}) becomes a friendly message with the refusal's text; any other exception
 * is a fault, logged at ERROR with a {@link FailureReference} and answered with a generic message naming only that
 * reference, never an exception to the adapter. Features are ordered by Spring's {@code @Order}; the survey comes
 * first.
 */
@Component
public class Conversation implements ChatBot {
    /** The survey's start button (its {@code survey.start} action): where the help text sends a newcomer. */
    static final Action START_SURVEY = new Action("survey.start", "");
    /** Slack allows 100 blocks in a Home tab; Teams cards have no hard limit but get unreadable long before. */
    public static final int MAX_HOME_BLOCKS = 100;
    static final String HELP = "help";
    /** Slack's slash command, which people also type in Teams and the playground. */
    static final String SLASH_COMMAND = "/handoff";
    private static final Logger log = LoggerFactory.getLogger(Conversation.class);

    /** Counter of interactions by kind (command, button, form), feature prefix (or none) and result. */
    public static final String INTERACTIONS = "handoff.conversation.interactions";

    private final GraphStore graph;
    private final List<ConversationFeature> features;
    private final Map<String, ConversationFeature> byWord = new LinkedHashMap<>();
    private final MeterRegistry meters;

    /** Without metrics (tests, tools). */
    public Conversation(GraphStore graph, List<ConversationFeature> features) {
        this(graph, features, new SimpleMeterRegistry());
    }

    @Autowired
    public Conversation(GraphStore graph, List<ConversationFeature> features, MeterRegistry meters) {
        this.graph = graph;
        this.meters = meters;
        this.features = List.copyOf(features);
        List<String> prefixes = new ArrayList<>();
        for (ConversationFeature feature : this.features) {
            for (String prefix : prefixes) {
                if (prefix.startsWith(feature.prefix()) || feature.prefix().startsWith(prefix)) {
                    throw new IllegalStateException("feature prefixes overlap: " + prefix + " and " + feature.prefix());
                }
            }
            prefixes.add(feature.prefix());
            // every feature's series exists from the start, at zero, for dashboards (one per feature is enough)
            meters.counter(INTERACTIONS, "kind", "command", "feature", feature.prefix(), "result", "ok");
            for (ConversationFeature.CommandHelp command : feature.commands()) {
                String word = command.word().toLowerCase(Locale.ROOT);
                ConversationFeature other = byWord.putIfAbsent(word, feature);
                if (other != null || word.equals(HELP)) {
                    throw new IllegalStateException("command '" + word + "' is claimed by " + feature.prefix()
                            + (other == null ? " but is built in" : " and " + other.prefix()));
                }
            }
        }
    }

    @Override
    public Outcome handle(Interaction interaction) {
        String kind = interaction instanceof Interaction.Command ? "command"
                : interaction instanceof Interaction.ButtonPressed ? "button" : "form";
        String feature = ownerName(interaction);
        try {
            Outcome outcome;
            if (interaction instanceof Interaction.Command command) {
                outcome = command(command);
            } else if (interaction instanceof Interaction.ButtonPressed pressed) {
                outcome = button(pressed);
            } else {
                outcome = form((Interaction.FormSubmitted) interaction);
            }
            count(kind, feature, outcome.reply() instanceof Reply.FormErrors ? "invalid" : "ok");
            return outcome;
        } catch (RuntimeException failed) {
            Optional<String> refusal = Refusal.shownText(failed);
            Message shown;
            if (refusal.isPresent()) {
                log.info("refused {} of {} in tenant {}: {}", kind, interaction.actor().person(),
                        interaction.actor().tenant(), refusal.get());
                count(kind, feature, "refused");
                shown = Replies.sorry(refusal.get());
            } else {
                FailureReference reference = FailureReference.logged(log, kind + " of feature " + feature + " for "
                        + interaction.actor().person() + " in tenant " + interaction.actor().tenant(), failed);
                count(kind, feature, "failed");
                shown = Replies.failed(reference);
            }
            return Outcome.reply(interaction instanceof Interaction.FormSubmitted
                    ? new Reply.CloseForm(shown) : new Reply.Show(shown));
        }
    }

    private void count(String kind, String feature, String result) {
        meters.counter(INTERACTIONS, "kind", kind, "feature", feature, "result", result).increment();
    }

    /** The prefix of the feature an interaction goes to, or "none" (help, unknown input). */
    private String ownerName(Interaction interaction) {
        Optional<ConversationFeature> owner;
        if (interaction instanceof Interaction.Command command) {
            owner = Optional.ofNullable(byWord.get(CommandText.of(command.text()).word()));
        } else if (interaction instanceof Interaction.ButtonPressed pressed) {
            owner = owner(pressed.action().id());
        } else {
            owner = owner(((Interaction.FormSubmitted) interaction).formId());
        }
        return owner.map(ConversationFeature::prefix).orElse("none");
    }

    private Outcome command(Interaction.Command command) {
        CommandText parsed = CommandText.of(command.text());
        String word = parsed.word();
        String args = parsed.args();
        ConversationFeature feature = byWord.get(word);
        if (feature == null) {
            return Outcome.show(help(word.isEmpty() || word.equals(HELP) ? null : word));
        }
        if (unknownActor(command.actor())) {
            return Outcome.show(Replies.unknownPerson());
        }
        return feature.onCommand(command, word, args);
    }

    @Override
    public boolean answeredWhereSaid(String commandText) {
        String word = CommandText.of(commandText == null ? "" : commandText).word();
        ConversationFeature feature = byWord.get(word);
        return feature != null && feature.answeredWhereSaid(word);
    }

    private Outcome button(Interaction.ButtonPressed pressed) {
        Optional<ConversationFeature> feature = owner(pressed.action().id());
        if (feature.isEmpty()) {
            return Outcome.show(Replies.withHelp("That button is no longer in use.", features));
        }
        if (unknownActor(pressed.actor())) {
            return Outcome.show(Replies.unknownPerson());
        }
        return feature.get().onButton(pressed);
    }

    private Outcome form(Interaction.FormSubmitted submitted) {
        Optional<ConversationFeature> feature = owner(submitted.formId());
        if (feature.isEmpty()) {
            return Outcome.reply(new Reply.CloseForm(Replies.withHelp("That form is no longer in use.", features)));
        }
        if (unknownActor(submitted.actor())) {
            return Outcome.reply(new Reply.CloseForm(Replies.unknownPerson()));
        }
        return feature.get().onForm(submitted);
    }

    @Override
    public HomeView home(Actor actor) {
        if (unknownActor(actor)) {
            return new HomeView(Replies.unknownPerson().blocks());
        }
        List<Block> blocks = new ArrayList<>();
        for (ConversationFeature feature : features) {
            List<Block> section;
            try {
                section = feature.homeSection(actor);
            } catch (IllegalArgumentException | GraphException broken) {
                log.warn("home section of {} failed for {} in tenant {}: {}", feature.prefix(), actor.person(),
                        actor.tenant(), broken.getMessage());
                continue; // one feature's trouble must not take the whole home view down
            }
            if (blocks.size() + section.size() > MAX_HOME_BLOCKS - 1) {
                blocks.add(Paragraph.of("There is more than fits here. Type help to see every command."));
                break;
            }
            blocks.addAll(section);
        }
        return new HomeView(blocks);
    }

    /** The help text: every feature's commands, and an unknown word named when there was one. */
    Message help(String unknownWord) {
        List<Block> blocks = new ArrayList<>();
        Optional<String> meant = unknownWord == null ? Optional.empty() : closestCommand(unknownWord);
        if (meant.isPresent()) {
            String shown = unknownWord.length() > 40 ? unknownWord.substring(0, 39) + "…" : unknownWord;
            blocks.add(Paragraph.builder().plain("I don't know ").strong(shown).plain(". Did you mean ")
                    .strong(meant.get()).plain("? Here is what I can do:").build());
        } else if (unknownWord != null) {
            String shown = unknownWord.length() > 40 ? unknownWord.substring(0, 39) + "…" : unknownWord;
            blocks.add(Paragraph.builder().plain("I don't know ").strong(shown)
                    .plain(" yet. Here is what I can do:").build());
        } else {
            blocks.add(new Heading("What I can do"));
        }
        blocks.addAll(Replies.commandList(features));
        blocks.add(Paragraph.of("New here? Start by telling me who depends on your work."));
        blocks.add(Buttons.of(Button.primary("Map my customers", START_SURVEY)));
        return new Message(unknownWord == null ? "What I can do"
                : meant.map(word -> "Did you mean " + word + "?").orElse("I don't know that command yet"), blocks);
    }

    /** The command a typo most likely meant: one edit away for short words, two for longer ones. */
    Optional<String> closestCommand(String typed) {
        if (typed.length() > 40) {
            return Optional.empty();
        }
        int allowed = typed.length() <= 4 ? 1 : 2;
        LevenshteinDistance distance = new LevenshteinDistance(allowed);
        return java.util.stream.Stream.concat(byWord.keySet().stream(), java.util.stream.Stream.of(HELP))
                .filter(word -> distance.apply(word, typed) >= 0)
                .min(Comparator.comparingInt((String word) -> distance.apply(word, typed)).thenComparing(word -> word));
    }

    private Optional<ConversationFeature> owner(String id) {
        return features.stream().filter(feature -> id.startsWith(feature.prefix())).findFirst();
    }

    private boolean unknownActor(Actor actor) {
        return graph.person(actor.tenant(), actor.person()).isEmpty();
    }

    /** A command split into its first word (lower case, without a leading slash) and the rest. */
    record CommandText(String word, String args) {
        static CommandText of(String text) {
            String stripped = text.strip();
            int space = 0;
            while (space < stripped.length() && !Character.isWhitespace(stripped.charAt(space))) {
                space++;
            }
            String word = stripped.substring(0, space).toLowerCase(Locale.ROOT);
            String rest = stripped.substring(space).strip();
            if (word.equals(SLASH_COMMAND)) { // "/handoff map" typed where there is no slash command (playground, Teams)
                return rest.isEmpty() ? new CommandText("", "") : of(rest);
            }
            return new CommandText(word.startsWith("/") ? word.substring(1) : word, rest);
        }
    }
}
