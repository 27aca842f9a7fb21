package io.handoff.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.ChatBot;
import io.handoff.chat.ConversationFeature;
import io.handoff.chat.Heading;
import io.handoff.chat.HomeView;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
import io.handoff.graph.GraphException;
import io.handoff.graph.GraphStore;

/**
 * The platform-neutral conversation: routes every {@link Interaction} to the {@link ConversationFeature} that owns
 * it (commands by their first word, buttons and forms by the prefix of their id) and composes the home view from
 * every feature's section. Unknown input gets the help text, never silence; bad input a feature refuses
 * ({@link IllegalArgumentException}, {@link GraphException}) becomes a friendly message, never an exception to the
 * adapter. Features are ordered by Spring's {@code @Order}; the survey comes first.
 */
@Component
public class Conversation implements ChatBot {
    /** Slack allows 100 blocks in a Home tab; Teams cards have no hard limit but get unreadable long before. */
    public static final int MAX_HOME_BLOCKS = 100;
    static final String HELP = "help";
    private static final Logger log = LoggerFactory.getLogger(Conversation.class);

    private final GraphStore graph;
    private final List<ConversationFeature> features;
    private final Map<String, ConversationFeature> byWord = new LinkedHashMap<>();

    public Conversation(GraphStore graph, List<ConversationFeature> features) {
        this.graph = graph;
        this.features = List.copyOf(features);
        List<String> prefixes = new ArrayList<>();
        for (ConversationFeature feature : this.features) {
            for (String prefix : prefixes) {
                if (prefix.startsWith(feature.prefix()) || feature.prefix().startsWith(prefix)) {
                    throw new IllegalStateException("feature prefixes overlap: " + prefix + " and " + feature.prefix());
                }
            }
            prefixes.add(feature.prefix());
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
        try {
            if (interaction instanceof Interaction.Command command) {
                return command(command);
            }
            if (interaction instanceof Interaction.ButtonPressed pressed) {
                return button(pressed);
            }
            return form((Interaction.FormSubmitted) interaction);
        } catch (IllegalArgumentException | GraphException refused) {
            log.info("refused {} of {} in tenant {}: {}", interaction.getClass().getSimpleName(),
                    interaction.actor().person(), interaction.actor().tenant(), refused.getMessage());
            Message sorry = Replies.sorry(refused.getMessage());
            return Outcome.reply(interaction instanceof Interaction.FormSubmitted
                    ? new Reply.CloseForm(sorry) : new Reply.Show(sorry));
        }
    }

    private Outcome command(Interaction.Command command) {
        String text = command.text();
        int space = indexOfWhitespace(text);
        String word = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        String args = space < 0 ? "" : text.substring(space).strip();
        if (word.startsWith("/")) {
            word = word.substring(1);
        }
        ConversationFeature feature = byWord.get(word);
        if (feature == null) {
            return Outcome.show(help(word.isEmpty() || word.equals(HELP) ? null : word));
        }
        if (unknownActor(command.actor())) {
            return Outcome.show(Replies.unknownPerson());
        }
        return feature.onCommand(command.actor(), word, args);
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
            List<Block> section = feature.homeSection(actor);
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
        if (unknownWord != null) {
            blocks.add(Paragraph.builder().plain("I don't know ").strong(unknownWord)
                    .plain(" yet. Here is what I can do:").build());
        } else {
            blocks.add(new Heading("What I can do"));
        }
        blocks.addAll(Replies.commandList(features));
        blocks.add(Paragraph.of("New here? Start by telling me who depends on your work."));
        blocks.add(Buttons.of(Button.primary("Map my customers", SurveyActions.start())));
        return new Message(unknownWord == null ? "What I can do" : "I don't know that command yet", blocks);
    }

    private Optional<ConversationFeature> owner(String id) {
        return features.stream().filter(feature -> id.startsWith(feature.prefix())).findFirst();
    }

    private boolean unknownActor(Actor actor) {
        return graph.person(actor.tenant(), actor.person()).isEmpty();
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
