package io.handoff.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Field;
import io.handoff.chat.Form;
import io.handoff.chat.Heading;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
import io.handoff.conversation.Conversation;
import io.handoff.conversation.ConversationFeature;
import io.handoff.graph.Handoff;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.privacy.PersonalData;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.UnifiedJedis;

/**
 * A small organisation in a fresh tenant on the real test Redis, the conversation wired as in production (the
 * real stores and features, a clock the test moves), and helpers to act as a person and read what came back.
 */
final class SurveyFixture {
    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    final UnifiedJedis redis = TestRedis.client();
    final TenantId tenant = TestRedis.uniqueTenant();
    final RedisGraphStore graph = new RedisGraphStore(redis);
    final PreferencesStore preferences = new PreferencesStore(redis, graph);
    final DisputeReasons reasons = new DisputeReasons(redis);
    final MovableClock clock = new MovableClock(T0);
    final SurveyFeature survey;
    final Conversation conversation;

    SurveyFixture() {
        this(List.of());
    }

    SurveyFixture(List<ConversationFeature> moreFeatures) {
        this(moreFeatures, io.handoff.graph.CustomerMoments.NONE);
    }

    /** The survey naming the customer moments {@code moments} tells of (e.g. the journeys' line of sight). */
    SurveyFixture(io.handoff.graph.CustomerMoments moments) {
        this(List.of(), moments);
    }

    SurveyFixture(List<ConversationFeature> moreFeatures, io.handoff.graph.CustomerMoments moments) {
        List<PersonalData> stores = List.of(preferences, new GraphPersonalData(graph, reasons));
        survey = new SurveyFeature(graph, preferences, reasons, stores, clock, moments);
        List<ConversationFeature> features = new ArrayList<>(List.of(survey, io.handoff.map.MapConversation.of(graph, io.handoff.map.MapProperties.defaults())));
        features.addAll(moreFeatures);
        conversation = new Conversation(graph, features);
        graph.saveTeam(tenant, Team.of("preload", "Pre-load (night shift)"));
        graph.saveTeam(tenant, Team.of("drivers", "Delivery drivers"));
        graph.saveTeam(tenant, Team.of("sort", "Sorting"));
        person("pat", "Pat Okafor", "preload");
        person("dana", "Dana Kowalski", "drivers");
        person("ravi", "Ravi Shah", "drivers");
        person("sam", "Sam Reyes", "sort");
        person("noor", "Noor Haddad", "sort");
    }

    Person person(String id, String name, String team) {
        Person person = new Person(PersonId.of(id), name, id + "@depot.example", TeamId.of(team),
                ZoneId.of("Europe/London"), Map.of());
        graph.savePerson(tenant, person);
        return person;
    }

    static PersonId id(String value) {
        return PersonId.of(value);
    }

    Actor actor(String person) {
        return new Actor(tenant, PersonId.of(person));
    }

    Outcome command(String person, String text) {
        return conversation.handle(new Interaction.Command(actor(person), text));
    }

    Outcome press(String person, Action action) {
        return conversation.handle(new Interaction.ButtonPressed(actor(person), action));
    }

    Outcome submit(String person, Form form, Map<String, List<String>> values) {
        return submit(person, form.id(), form.state(), values);
    }

    Outcome submit(String person, String formId, String state, Map<String, List<String>> values) {
        return conversation.handle(new Interaction.FormSubmitted(actor(person), formId, state, values));
    }

    java.util.Optional<Handoff> edge(String up, String down) {
        return graph.handoff(tenant, id(up), id(down));
    }

    // ---- the survey, step by step ----

    /** Values for a terms form: per person what, frequency, criticality (in the order the form lists them). */
    static Map<String, List<String>> terms(String... whatOftenCritical) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < whatOftenCritical.length / 3; i++) {
            values.put("what." + i, List.of(whatOftenCritical[3 * i]));
            values.put("often." + i, List.of(whatOftenCritical[3 * i + 1]));
            values.put("critical." + i, List.of(whatOftenCritical[3 * i + 2]));
        }
        return values;
    }

    static Map<String, List<String>> picked(String... people) {
        return Map.of(SurveyFlow.PEOPLE, List.of(people));
    }

    /** The form of a reply that opens or replaces a form. */
    static Form form(Outcome outcome) {
        if (outcome.reply() instanceof Reply.OpenForm open) {
            return open.form();
        }
        if (outcome.reply() instanceof Reply.NextForm next) {
            return next.form();
        }
        throw new AssertionError("expected a form but got " + outcome.reply());
    }

    static Message shown(Outcome outcome) {
        if (outcome.reply() instanceof Reply.Show show) {
            return show.message();
        }
        if (outcome.reply() instanceof Reply.CloseForm close) {
            return close.message();
        }
        throw new AssertionError("expected a message but got " + outcome.reply());
    }

    static Map<String, String> errors(Outcome outcome) {
        if (outcome.reply() instanceof Reply.FormErrors errors) {
            return errors.errors();
        }
        throw new AssertionError("expected form errors but got " + outcome.reply());
    }

    /** All the text of blocks, one line per block (buttons as [label]). */
    static String text(List<Block> blocks) {
        return blocks.stream().map(SurveyFixture::text).collect(Collectors.joining("\n"));
    }

    static String text(Message message) {
        return text(message.blocks());
    }

    static String text(Block block) {
        if (block instanceof Paragraph paragraph) {
            return paragraph.plainText();
        }
        if (block instanceof Heading heading) {
            return "# " + heading.text();
        }
        if (block instanceof Buttons buttons) {
            return buttons.buttons().stream().map(b -> "[" + b.label() + "]").collect(Collectors.joining(" "));
        }
        return "---";
    }

    static List<Button> buttons(List<Block> blocks) {
        return blocks.stream().filter(Buttons.class::isInstance).flatMap(b -> ((Buttons) b).buttons().stream()).toList();
    }

    static Button button(List<Block> blocks, String label) {
        return buttons(blocks).stream().filter(b -> b.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label + " in " + text(blocks)));
    }

    static Notification notificationTo(Outcome outcome, String person) {
        List<Notification> to = outcome.notifications().stream().filter(n -> n.to().value().equals(person)).toList();
        if (to.size() != 1) {
            throw new AssertionError("expected one notification to " + person + " but got " + outcome.notifications());
        }
        return to.get(0);
    }

    static List<String> fieldIds(Form form) {
        return form.fields().stream().map(Field::id).toList();
    }

    /**
     * Runs the whole survey as {@code person}: customers picked and described, then suppliers picked and described.
     * Returns the outcomes of the four submissions (fewer when a half is left empty).
     */
    List<Outcome> survey(String person, List<String> customers, List<String> customerTerms, List<String> suppliers,
                         List<String> supplierTerms) {
        List<Outcome> outcomes = new ArrayList<>();
        Form step = form(command(person, "customers"));
        Outcome picked = submit(person, step, picked(customers.toArray(String[]::new)));
        outcomes.add(picked);
        step = form(picked);
        if (!customers.isEmpty()) {
            Outcome described = submit(person, step, terms(customerTerms.toArray(String[]::new)));
            outcomes.add(described);
            step = form(described);
        }
        Outcome suppliersPicked = submit(person, step, picked(suppliers.toArray(String[]::new)));
        outcomes.add(suppliersPicked);
        if (!suppliers.isEmpty()) {
            outcomes.add(submit(person, form(suppliersPicked), terms(supplierTerms.toArray(String[]::new))));
        }
        return outcomes;
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
