package io.handoff.journey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Actor;
import io.handoff.chat.Field;
import io.handoff.chat.Form;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
import io.handoff.conversation.ConversationFeature;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Identifier;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.map.MapAccess;

/**
 * {@code journey new} and {@code journey edit <id>} for admins (the same rule as {@code settings}: the tenant's
 * admins as {@link MapAccess} knows them, HANDOFF_MAP_ADMINS): a journey is defined in two steps that fit a Slack
 * modal, a Teams card and the playground's form alike. First the journey: its id (new ones), name, the customer in
 * plain words and its touchpoints as lines ({@link JourneyLines}: stage | touchpoint | channel | weight | id).
 * Submitting checks them with the records' invariants and saves the journey (owners of touchpoints that stay are
 * kept); then the owners, {@value #PAGE} touchpoints a page: for each, the front-line teams and people picked from
 * the graph. Every submission is checked again (admin, journey, ids) and refused field by field, never with an
 * exception's text; saving goes through {@link Journeys#define} (Lua, idempotent).
 */
final class JourneyForms implements ConversationFeature {
    static final String PREFIX = "journey-form.";
    static final String DEFINE = PREFIX + "define";
    static final String OWNERS = PREFIX + "owners";
    /** Touchpoints per owners page: three Slack blocks each, and a Teams card that stays readable. */
    static final int PAGE = 10;
    static final String TEAMS = "teams.";
    static final String PEOPLE = "people.";
    private static final Logger log = LoggerFactory.getLogger(JourneyForms.class);
    private static final Pattern OWNER_PATH =
            Pattern.compile("^stages\\[(\\d+)]\\.touchpoints\\[(\\d+)]\\.owners\\.(teams|people).*$");

    private final Journeys journeys;
    private final GraphStore graph;
    private final MapAccess admins;

    JourneyForms(Journeys journeys, GraphStore graph, MapAccess admins) {
        this.journeys = Objects.requireNonNull(journeys);
        this.graph = Objects.requireNonNull(graph);
        this.admins = Objects.requireNonNull(admins);
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    /** The commands are {@code journey new} and {@code journey edit}, said through the journeys' own word. */
    @Override
    public List<CommandHelp> commands() {
        return List.of();
    }

    /** Whether {@code journey <args>} asks for a form: {@code new}, or {@code edit} and an id. */
    static boolean claims(String args) {
        String words = args.strip().toLowerCase(Locale.ROOT);
        return words.equals("new") || words.equals("edit") || words.startsWith("edit ");
    }

    /** {@code journey new} or {@code journey edit <id or name>}. */
    Outcome command(Actor actor, String args) {
        if (!admins.isAdmin(actor.tenant(), actor.person())) {
            return Outcome.show(Message.text(notAdmin(actor.tenant())));
        }
        String words = args.strip();
        if (words.equalsIgnoreCase("new")) {
            return Outcome.reply(new Reply.OpenForm(defineForm(Optional.empty())));
        }
        String wanted = words.substring("edit".length()).strip();
        List<Journey> all = journeys.journeys(actor.tenant());
        Optional<Journey> journey = Identifier.isValid(wanted)
                ? journeys.journey(actor.tenant(), JourneyId.of(wanted)) : Optional.empty();
        if (journey.isEmpty()) { // its name, as the journey command takes it
            journey = all.stream().filter(j -> j.name().equalsIgnoreCase(wanted)).findFirst();
        }
        if (journey.isEmpty()) {
            return Outcome.show(Message.text(unknown(wanted, all)));
        }
        return Outcome.reply(new Reply.OpenForm(defineForm(journey)));
    }

    private String notAdmin(TenantId tenant) {
        List<String> named = admins.admins(tenant);
        return "Only your Handoff admins can define customer journeys. " + (named.isEmpty()
                ? "No Handoff admins are named for your organisation yet; whoever runs Handoff names them."
                : "Your Handoff admins are: " + String.join(", ", named) + ".");
    }

    /** "There is no journey 'x'." with the closest id or name when one is close, else the list. */
    static String unknown(String wanted, List<Journey> all) {
        if (wanted.isEmpty()) {
            return "Say which journey to edit, e.g. journey edit " + (all.isEmpty() ? "parcel-delivery"
                    : all.get(0).id()) + ". " + list(all);
        }
        String shown = wanted.length() > 100 ? wanted.substring(0, 100) + "…" : wanted;
        Optional<Journey> meant = closest(wanted, all);
        return "There is no journey '" + shown + "'. " + meant.map(j -> "Did you mean journey edit " + j.id()
                + " (" + j.name() + ")?").orElse(list(all));
    }

    private static String list(List<Journey> all) {
        return all.isEmpty() ? "There are no journeys yet: journey new defines one."
                : "The journeys are: " + String.join(", ", all.stream().map(j -> j.name() + " (" + j.id() + ")")
                .toList()) + ".";
    }

    private static Optional<Journey> closest(String typed, List<Journey> all) {
        if (typed.length() > 128) {
            return Optional.empty();
        }
        String wanted = typed.toLowerCase(Locale.ROOT);
        int allowed = wanted.length() <= 4 ? 1 : wanted.length() <= 12 ? 2 : 3;
        LevenshteinDistance distance = new LevenshteinDistance(allowed);
        Function<Journey, Integer> nearest = j -> {
            int byId = distance.apply(j.id().value().toLowerCase(Locale.ROOT), wanted);
            int byName = distance.apply(j.name().toLowerCase(Locale.ROOT), wanted);
            return byId < 0 ? byName : byName < 0 ? byId : Math.min(byId, byName);
        };
        return all.stream().filter(j -> nearest.apply(j) >= 0)
                .min(Comparator.comparing(nearest).thenComparing(Journey::id));
    }

    // ---- the journey form ----

    private Form defineForm(Optional<Journey> journey) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field.Note("about", Paragraph.of("A journey is what one kind of customer lives through, stage "
                + "by stage. Next you pick who serves the customer at each touchpoint.")));
        if (journey.isEmpty()) {
            fields.add(new Field.TextInput("id", "Short id, for links and the journey command", true,
                    Identifier.MAX_LENGTH, false, null, "e.g. parcel-delivery (made from the name when left empty)"));
        } else {
            fields.add(new Field.Note("id-note", Paragraph.builder().plain("Journey id: ")
                    .strong(journey.get().id().value()).plain(" (it stays as it is)").build()));
        }
        fields.add(new Field.TextInput("name", "Name", false, Journey.MAX_NAME, false,
                journey.map(Journey::name).orElse(null), "e.g. Parcel delivery", "Give the journey a name"));
        fields.add(new Field.TextInput("customer", "The customer, in plain words", false, Journey.MAX_CUSTOMER,
                false, journey.map(Journey::customer).orElse(null), "e.g. someone expecting a parcel",
                "Say who the customer is"));
        fields.add(new Field.Note("lines", Paragraph.builder().plain("Touchpoints, one a line: ")
                .strong("stage | touchpoint | channel | weight").plain(". Channels: "
                        + JourneyLines.words(Channel.choices()) + ". Weights: routine, important, game over (if it "
                        + "fails, we lose the customer). Stages run in the order of their first line. A fifth "
                        + "column is the touchpoint's id: keep it to keep the touchpoint's customer signals. Up to "
                        + "3,000 characters (about 40 touchpoints) and " + Journey.MAX_STAGES + " stages; larger "
                        + "journeys go through the admin API.").build()));
        fields.add(new Field.TextInput("touchpoints", "Touchpoints", false, JourneyLines.MAX_CHARACTERS, true,
                journey.map(JourneyLines::format).orElse(null),
                "Delivery | Parcel delivered | in person | game over", "Write at least one touchpoint"));
        String state = journey.map(j -> "edit|" + j.id().value()).orElse("new");
        return new Form(DEFINE, journey.isPresent() ? "Edit the journey" : "New customer journey",
                "Save and pick owners", state, fields);
    }

    @Override
    public Outcome onForm(Interaction.FormSubmitted submitted) {
        Actor actor = submitted.actor();
        if (!admins.isAdmin(actor.tenant(), actor.person())) {
            return Outcome.reply(new Reply.CloseForm(Message.text(notAdmin(actor.tenant()))));
        }
        if (DEFINE.equals(submitted.formId())) {
            return define(actor, submitted);
        }
        if (OWNERS.equals(submitted.formId())) {
            return owners(actor, submitted);
        }
        throw new Refusal("that form is no longer in use");
    }

    private Outcome define(Actor actor, Interaction.FormSubmitted submitted) {
        TenantId tenant = actor.tenant();
        String state = submitted.state();
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Journey> before = Optional.empty();
        JourneyId id = null;
        if (state.startsWith("edit|") && Identifier.isValid(state.substring(5))) {
            id = JourneyId.of(state.substring(5));
            before = journeys.journey(tenant, id);
            if (before.isEmpty()) {
                return Outcome.reply(new Reply.CloseForm(Message.text("The journey " + id
                        + " was deleted meanwhile; nothing was saved. Say journey new to define it again.")));
            }
        } else if (!state.equals("new")) {
            throw new Refusal("that form is no longer in use");
        } else {
            String given = submitted.first("id").strip();
            String name = submitted.first("name").strip();
            if (!given.isEmpty()) {
                if (Identifier.isValid(given)) {
                    id = JourneyId.of(given);
                } else {
                    errors.put("id", "Use only letters, digits and . _ @ + - (at most 128), starting with a "
                            + "letter or digit, e.g. parcel-delivery");
                }
            } else if (!name.isEmpty()) {
                Optional<String> slug = JourneyLines.slug(name);
                if (slug.isPresent()) {
                    id = JourneyId.of(slug.get());
                } else {
                    errors.put("id", "The name has no letters or digits to make an id from: write one, e.g. "
                            + "parcel-delivery");
                }
            }
            if (id != null && journeys.journey(tenant, id).isPresent()) {
                errors.put("id", "There is already a journey " + id + ": choose another id, or close this and "
                        + "say journey edit " + id + " to change it");
            }
        }
        List<String> lineProblems = new ArrayList<>();
        JourneyLines.Read lines = JourneyLines.read(submitted.first("touchpoints"), lineProblems);
        if (!lineProblems.isEmpty()) {
            errors.put("touchpoints", summary(lineProblems));
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", submitted.first("name"));
        tree.put("customer", submitted.first("customer"));
        tree.put("stages", lines.stages());
        withKeptOwners(tenant, before, lines.stages());
        Journey journey = null;
        try {
            journey = JourneyDefinitions.read(id == null ? JourneyId.of("new-journey") : id, tree);
        } catch (JourneyRefusal refused) {
            placeProblems(refused.problems(), lines, errors);
        }
        if (!errors.isEmpty()) {
            return Outcome.reply(new Reply.FormErrors(errors));
        }
        try {
            Journeys.Defined defined = journeys.define(tenant, journey);
            log.info("journey {} defined in chat by admin {} in {}: {} ({} touchpoints)", journey.id(),
                    actor.person(), tenant, defined, journey.touchpoints().size());
        } catch (JourneyRefusal refused) {
            placeProblems(refused.problems(), lines, errors);
            return Outcome.reply(new Reply.FormErrors(errors));
        }
        return Outcome.reply(new Reply.NextForm(ownersForm(tenant, journey, 0)));
    }

    /** On an edit, each touchpoint that stays (same id) keeps the owners it has in the graph now. */
    private void withKeptOwners(TenantId tenant, Optional<Journey> before, List<Map<String, Object>> stages) {
        if (before.isEmpty()) {
            return;
        }
        Map<String, Owners> kept = new LinkedHashMap<>();
        List<Touchpoint> touchpoints = before.get().touchpoints();
        List<Owners> owners = journeys.owners(tenant, before.get());
        for (int i = 0; i < touchpoints.size(); i++) {
            kept.put(touchpoints.get(i).id().value(), owners.get(i));
        }
        for (Map<String, Object> stage : stages) {
            for (Object t : (List<?>) stage.get("touchpoints")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> touchpoint = (Map<String, Object>) t;
                Owners o = kept.get(String.valueOf(touchpoint.get("id")));
                if (o != null) {
                    Map<String, Object> tree = new LinkedHashMap<>();
                    tree.put("teams", o.teams().stream().map(TeamId::value).toList());
                    tree.put("people", o.people().stream().map(PersonId::value).toList());
                    touchpoint.put("owners", tree);
                }
            }
        }
    }

    /** Each problem under its field: the header fields by name, stages and touchpoints by line number. */
    private static void placeProblems(List<FieldProblem> problems, JourneyLines.Read lines,
                                      Map<String, String> errors) {
        List<String> inLines = new ArrayList<>();
        for (FieldProblem problem : problems) {
            switch (problem.field()) {
                case "name" -> errors.putIfAbsent("name", "The name " + problem.message());
                case "customer" -> errors.putIfAbsent("customer", "The customer " + problem.message());
                case "id" -> errors.putIfAbsent("id", problem.message());
                default -> inLines.add(lines.lineOf(problem).orElse(sentence(problem.message())));
            }
        }
        if (!inLines.isEmpty()) {
            errors.merge("touchpoints", summary(inLines), (a, b) -> a + " " + b);
        }
    }

    private static String sentence(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** At most five problems in one text (a field shows one error), and how many more there are. */
    private static String summary(List<String> problems) {
        String shown = String.join(". ", problems.stream().limit(5).map(p -> p.endsWith(".") ? p.substring(0,
                p.length() - 1) : p).toList()) + ".";
        return problems.size() > 5 ? shown + " And " + (problems.size() - 5) + " more." : shown;
    }

    // ---- the owners form ----

    private Form ownersForm(TenantId tenant, Journey journey, int from) {
        List<Touchpoint> all = journey.touchpoints();
        int to = Math.min(all.size(), from + PAGE);
        List<Touchpoint> page = all.subList(from, to);
        List<Owners> owners = journeys.owners(tenant, journey).subList(from, to);
        List<Team> teams = graph.teamMap(tenant).teams().values().stream()
                .sorted(Comparator.comparing(Team::name, String.CASE_INSENSITIVE_ORDER)).toList();
        List<Field> fields = new ArrayList<>();
        String range = all.size() <= PAGE ? "" : " These are touchpoints " + (from + 1) + " to " + to + " of "
                + all.size() + "; the next ones come after you save these.";
        fields.add(new Field.Note("about", Paragraph.builder().plain("Saved ").strong(journey.name())
                .plain(". Now pick who serves the customer at each touchpoint: teams, people or both, at most "
                        + Touchpoint.MAX_OWNERS + " for one touchpoint. A touchpoint may stay without an owner for "
                        + "now; it shows as ownerless." + range
                        + (teams.size() > Field.Choices.MAX_OPTIONS ? " Only " + Field.Choices.MAX_OPTIONS
                        + " teams fit in a list; other teams go through the admin API." : "")).build()));
        for (int i = 0; i < page.size(); i++) {
            Touchpoint t = page.get(i);
            String stage = journey.stageOf(t.id()).map(Stage::name).orElse("");
            fields.add(new Field.Section("tp." + t.id().value(), Paragraph.builder().strong(t.name())
                    .plain(" (" + stage + "; " + JourneyLines.words(t.channel().code()) + ", "
                            + JourneyLines.words(t.weight().code()) + ")").build()));
            List<String> current = owners.get(i).teams().stream().map(TeamId::value).toList();
            List<Field.Option> options = new ArrayList<>();
            teams.stream().filter(team -> current.contains(team.id().value()))
                    .forEach(team -> options.add(new Field.Option(team.name(), team.id().value())));
            teams.stream().filter(team -> !current.contains(team.id().value()))
                    .limit(Math.max(0, Field.Choices.MAX_OPTIONS - options.size()))
                    .forEach(team -> options.add(new Field.Option(team.name(), team.id().value())));
            options.sort(Comparator.comparing(Field.Option::label, String.CASE_INSENSITIVE_ORDER));
            fields.add(new Field.Choices(TEAMS + t.id().value(), "Front-line teams", true, options, current,
                    "Choose teams", null));
            List<String> people = owners.get(i).people().stream().map(PersonId::value).toList();
            fields.add(new Field.PeoplePicker(PEOPLE + t.id().value(), "Front-line people", true, people, people,
                    Touchpoint.MAX_OWNERS, null));
        }
        String state = journey.id().value() + "|" + from + "|"
                + String.join(",", page.stream().map(t -> t.id().value()).toList());
        return new Form(OWNERS, "Front-line owners", to < all.size() ? "Save and go on" : "Save owners", state,
                fields);
    }

    private Outcome owners(Actor actor, Interaction.FormSubmitted submitted) {
        TenantId tenant = actor.tenant();
        String[] state = submitted.state().split("\\|", -1);
        if (state.length != 3 || !Identifier.isValid(state[0]) || !state[1].matches("\\d{1,4}")) {
            throw new Refusal("that form is no longer in use");
        }
        JourneyId id = JourneyId.of(state[0]);
        int from = Integer.parseInt(state[1]);
        List<String> onPage = state[2].isEmpty() ? List.of() : List.of(state[2].split(","));
        Optional<Journey> stored = journeys.journey(tenant, id);
        if (stored.isEmpty()) {
            return Outcome.reply(new Reply.CloseForm(Message.text("The journey " + id
                    + " was deleted meanwhile; nothing was saved.")));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<Stage> stages = new ArrayList<>();
        for (Stage stage : stored.get().stages()) {
            List<Touchpoint> touchpoints = new ArrayList<>();
            for (Touchpoint t : stage.touchpoints()) {
                touchpoints.add(onPage.contains(t.id().value()) ? withOwners(t, submitted, errors) : t);
            }
            stages.add(new Stage(stage.name(), touchpoints));
        }
        if (!errors.isEmpty()) {
            return Outcome.reply(new Reply.FormErrors(errors));
        }
        Journey journey = new Journey(id, stored.get().name(), stored.get().customer(), stages);
        try {
            journeys.define(tenant, journey);
        } catch (JourneyRefusal refused) {
            for (FieldProblem problem : refused.problems()) {
                Matcher m = OWNER_PATH.matcher(problem.field());
                Optional<Touchpoint> t = m.matches() ? touchpointAt(journey, Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2))) : Optional.empty();
                String field = t.map(tp -> (m.group(3).equals("teams") ? TEAMS : PEOPLE) + tp.id().value())
                        .orElse(PEOPLE + onPage.stream().findFirst().orElse(""));
                errors.merge(field, sentence(problem.message()) + ".", (a, b) -> a + " " + b);
            }
            return Outcome.reply(new Reply.FormErrors(errors));
        }
        log.info("journey {} owners of touchpoints {} to {} set in chat by admin {} in {}", id, from + 1,
                from + onPage.size(), actor.person(), tenant);
        int next = journey.touchpoints().stream().map(t -> t.id().value()).toList()
                .indexOf(onPage.isEmpty() ? "" : onPage.get(onPage.size() - 1)) + 1;
        if (next > 0 && next < journey.touchpoints().size()) {
            return Outcome.reply(new Reply.NextForm(ownersForm(tenant, journey, next)));
        }
        return Outcome.reply(new Reply.CloseForm(saved(tenant, journey)));
    }

    private static Optional<Touchpoint> touchpointAt(Journey journey, int stage, int touchpoint) {
        if (stage >= journey.stages().size() || touchpoint >= journey.stages().get(stage).touchpoints().size()) {
            return Optional.empty();
        }
        return Optional.of(journey.stages().get(stage).touchpoints().get(touchpoint));
    }

    /** The touchpoint with the owners submitted for it; a refusal of its records goes under its people picker. */
    private static Touchpoint withOwners(Touchpoint t, Interaction.FormSubmitted submitted,
                                        Map<String, String> errors) {
        List<TeamId> teams = new ArrayList<>();
        List<PersonId> people = new ArrayList<>();
        for (String team : submitted.all(TEAMS + t.id().value())) {
            if (Identifier.isValid(team)) {
                teams.add(TeamId.of(team));
            } else {
                errors.put(TEAMS + t.id().value(), "Choose teams from the list.");
            }
        }
        for (String person : submitted.all(PEOPLE + t.id().value())) {
            if (Identifier.isValid(person)) {
                people.add(PersonId.of(person));
            } else {
                errors.put(PEOPLE + t.id().value(), "Pick colleagues from the list.");
            }
        }
        try {
            return new Touchpoint(t.id(), t.name(), t.channel(), teams, people, t.weight());
        } catch (Refusal refused) {
            errors.put(PEOPLE + t.id().value(), "At most " + Touchpoint.MAX_OWNERS + " teams and people in all.");
            return t;
        }
    }

    private Message saved(TenantId tenant, Journey journey) {
        List<Owners> owners = journeys.owners(tenant, journey);
        List<String> ownerless = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            if (owners.get(i).ownerless()) {
                ownerless.add(journey.touchpoints().get(i).name());
            }
        }
        Paragraph.Builder text = Paragraph.builder().plain("Saved ").strong(journey.name()).plain(": "
                + count(journey.stages().size(), "stage") + ", " + count(journey.touchpoints().size(), "touchpoint")
                + ". ");
        if (!ownerless.isEmpty()) {
            text.plain(count(ownerless.size(), "touchpoint") + " without a front-line owner yet: "
                    + JourneyConversation.inWords(ownerless.stream().limit(10).toList())
                    + (ownerless.size() > 10 ? " and more" : "") + ". ");
        }
        text.plain("See it with journey " + journey.id() + "; change it with journey edit " + journey.id() + ".");
        return new Message("Saved " + journey.name(), List.of(text.build()));
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
