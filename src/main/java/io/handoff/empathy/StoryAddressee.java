package io.handoff.empathy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;

/**
 * Whom {@code story [person]} is for: the named supplier ({@code story pat}, {@code story @pat}, {@code story Pat
 * Byrne}, an email), the only supplier when there is one, else a picker of the suppliers (the ones the name matched,
 * or all of them). The story form opens only for one of the teller's own suppliers.
 */
final class StoryAddressee {
    /** Most suppliers offered as buttons in one picker; the rest are named in words. */
    static final int MAX_BUTTONS = 10;

    private final GraphStore graph;
    private final StoryPrompts prompts;
    private final TellStory tell;

    StoryAddressee(GraphStore graph, StoryPrompts prompts, TellStory tell) {
        this.graph = Objects.requireNonNull(graph);
        this.prompts = Objects.requireNonNull(prompts);
        this.tell = Objects.requireNonNull(tell);
    }

    Outcome open(Actor actor, String typed) {
        OrgGraph around = graph.neighbourhood(actor.tenant(), actor.person(), 1).graph(); // one read: edges and cards
        List<Handoff> suppliers = prompts.rotation(actor.tenant(), actor.person(), around);
        if (suppliers.isEmpty()) {
            return Outcome.show(Message.text("You have no suppliers on your map yet, so there is no one to tell a "
                    + "story to. Name the people whose work you depend on first."));
        }
        Map<PersonId, Person> people = around.people();
        String wanted = typed == null ? "" : typed.strip();
        if (wanted.isEmpty()) {
            return suppliers.size() == 1 ? tell.openStoryForm(actor, suppliers.get(0).upstream())
                    : Outcome.show(picker("Who would you like to tell a story to?", suppliers, people));
        }
        List<Handoff> matches = suppliers.stream()
                .filter(edge -> people.containsKey(edge.upstream()) && matches(people.get(edge.upstream()), wanted))
                .toList();
        if (matches.size() == 1) {
            return tell.openStoryForm(actor, matches.get(0).upstream());
        }
        if (matches.isEmpty()) {
            return Outcome.show(picker("'" + shown(wanted) + "' is not one of the people whose work you depend on. "
                    + "Who would you like to tell a story to?", suppliers, people));
        }
        return Outcome.show(picker("More than one of your suppliers is called '" + shown(wanted) + "'. Which one?",
                matches, people));
    }

    /** Id, email, full name or first name, with or without a leading @, in any case. */
    static boolean matches(Person person, String typed) {
        String wanted = typed.startsWith("@") ? typed.substring(1) : typed;
        String lower = wanted.strip().toLowerCase(Locale.ROOT);
        if (lower.isEmpty()) {
            return false;
        }
        String name = person.displayName() == null ? "" : person.displayName().strip().toLowerCase(Locale.ROOT);
        String first = name.contains(" ") ? name.substring(0, name.indexOf(' ')) : name;
        return person.id().value().toLowerCase(Locale.ROOT).equals(lower)
                || (person.email() != null && person.email().toLowerCase(Locale.ROOT).equals(lower))
                || name.equals(lower) || first.equals(lower);
    }

    private static Message picker(String question, List<Handoff> suppliers, Map<PersonId, Person> people) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of(question));
        List<Button> buttons = new ArrayList<>();
        List<String> more = new ArrayList<>();
        for (Handoff edge : suppliers) {
            Person upstream = people.get(edge.upstream());
            if (upstream == null) {
                continue;
            }
            String label = upstream.displayName() + " (" + edge.what() + ")";
            if (buttons.size() < MAX_BUTTONS) {
                buttons.add(Button.of(label, new Action(StoryMessages.START, edge.upstream().value())));
            } else {
                more.add(label);
            }
        }
        if (!buttons.isEmpty()) {
            blocks.add(new Buttons(buttons));
        }
        if (!more.isEmpty()) {
            blocks.add(Paragraph.of("Also: " + String.join(", ", more) + ". Type 'story <name>' for one of them."));
        }
        return new Message(question, blocks);
    }

    private static String shown(String typed) {
        return typed.length() > 60 ? typed.substring(0, 60) + "…" : typed;
    }
}
