package io.handoff.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Actor;
import io.handoff.chat.Field;
import io.handoff.chat.Form;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
import io.handoff.graph.ClaimedBy;
import io.handoff.graph.Criticality;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.Frequency;
import io.handoff.graph.CustomerMoments;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Identifier;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TeamMap;
import io.handoff.graph.TenantId;
import io.handoff.graph.UnknownPersonException;

/**
 * "Map my customers": four forms. 1 who depends on your work (people picker), 2 what you hand each of them, how
 * often, how critical; 3 whose work you depend on, 4 the same per supplier. Each terms step writes its half at once
 * as claims (so nothing is lost if the person stops half-way) and asks the named colleagues to confirm.
 *
 * <p>Form state is {@code v1;<id>,<id>...} (the people picked in the step before), never trusted: every id is checked
 * against the graph again. Un-picking a colleague withdraws only the person's own claim: an edge only they named is
 * removed; an edge the colleague confirmed is not deleted but disputed by this side (the colleague still says it
 * exists, and both now see the disagreement); an edge only the colleague named is left alone (answer it with its
 * Confirm / Not really buttons). Re-submitting a disputed claim unchanged keeps it disputed (the colleague said "not
 * really"; asking again with the same words would nag); changed terms ask again.
 */
final class SurveyFlow {
    /**
     * New people per half and round, on top of those the person already named (who may all be kept); someone who
     * already named more may add as many as they named, up to {@link #MAX_FORM}.
     */
    static final int MAX_PEOPLE = 10;
    /**
     * Four inputs per person: 24 people fill a Slack modal (100 blocks). More picked people are asked about in the
     * terms form up to this many (the new ones first); the rest keep the terms they have.
     */
    static final int MAX_FORM = 24;
    static final int MAX_WHAT = 80;
    /** Colleagues a {@code customers <name>} search offers at most. */
    static final int MAX_FOUND = 8;
    static final String PEOPLE = "people";
    private static final Logger log = LoggerFactory.getLogger(SurveyFlow.class);
    private static final String STATE_VERSION = "v1;";
    /** In a form's state: the save of the customers half the suppliers half waits for ({@code after=<job id>}). */
    private static final String AFTER = "after=";
    private static final String AFTER_SEPARATOR = "|";

    /** Queues a checked submission to be saved after the acknowledgement; returns the save's job id. */
    @FunctionalInterface
    interface SaveQueue {
        String enqueue(SurveySubmission submission);
    }

    /** What saving a half did: the colleagues to notify, and the summary for the person after the last half. */
    record Saved(List<Notification> notifications, Optional<Message> summary) {
        Saved {
            notifications = List.copyOf(notifications);
        }
    }

    private final GraphStore graph;
    private final PreferencesStore preferences;
    private final DisputeReasons reasons;
    private final Clock clock;
    private final CustomerMoments moments;
    private final Optional<SaveQueue> saves;

    /**
     * The survey; with {@code saves} a submitted half is saved after the acknowledgement (the person gets the next
     * form at once), without it within the request.
     */
    SurveyFlow(GraphStore graph, PreferencesStore preferences, DisputeReasons reasons, Clock clock,
               CustomerMoments moments, Optional<SaveQueue> saves) {
        this.graph = graph;
        this.preferences = preferences;
        this.reasons = reasons;
        this.clock = clock;
        this.moments = moments;
        this.saves = saves;
    }

    /** The first form: who depends on your work, with the people already named preselected. */
    Form start(Actor actor) {
        return start(actor, "");
    }

    /**
     * The first form, offering also the colleagues whose name contains {@code search} ({@code customers Dana}): the
     * search that works on every client, where a card's typeahead does not.
     */
    Form start(Actor actor, String search) {
        String wanted = search == null ? "" : search.strip();
        if (wanted.isEmpty()) {
            return pickForm(Direction.CUSTOMERS, actor);
        }
        String lower = wanted.toLowerCase(Locale.ROOT);
        List<String> found = graph.graph(actor.tenant()).people().values().stream()
                .filter(person -> !person.id().equals(actor.person()))
                .filter(person -> person.displayName().toLowerCase(Locale.ROOT).contains(lower))
                .sorted(Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER))
                .limit(MAX_FOUND).map(person -> person.id().value()).toList();
        Form form = pickForm(Direction.CUSTOMERS, actor, around(actor), found);
        if (!found.isEmpty()) {
            return form;
        }
        List<Field> fields = new ArrayList<>(form.fields());
        fields.add(1, new Field.Note("nobody", Paragraph.of("Nobody's name contains \u201c" + wanted
                + "\u201d. Pick from the list, or try another name.")));
        return new Form(form.id(), form.title(), form.submitLabel(), form.state(), fields);
    }

    Form pickForm(Direction direction, Actor actor) {
        return pickForm(direction, actor, around(actor));
    }

    /** The actor's handoffs and neighbours: one pipelined read that each step reuses. */
    private OrgGraph around(Actor actor) {
        return graph.neighbourhood(actor.tenant(), actor.person(), 1).graph();
    }

    private Form pickForm(Direction direction, Actor actor, OrgGraph mine) {
        return pickForm(direction, actor, mine, List.of());
    }

    private Form pickForm(Direction direction, Actor actor, OrgGraph mine, List<String> found) {
        List<String> named = mine.edges().stream().filter(edge -> direction.namedByMe(edge, actor.person()))
                .map(edge -> direction.other(edge).value()).sorted().toList();
        // colleagues worth offering without a search: everyone the person already hands work to or receives it from
        List<String> likely = Stream.concat(found.stream(), mine.edges().stream()
                .flatMap(edge -> Stream.of(edge.upstream(), edge.downstream()))
                .filter(id -> !id.equals(actor.person())).map(PersonId::value).sorted()).distinct().toList();
        List<Field> fields = new ArrayList<>(List.of(
                new Field.Note("intro", Paragraph.of(direction.pickIntro)),
                new Field.PeoplePicker(PEOPLE, direction.pickLabel, true, named, likely,
                        limit(direction, actor, mine), null)));
        if (direction == Direction.CUSTOMERS) {
            // the search that works where a client's picker cannot search (Teams' typeahead is not everywhere)
            fields.add(new Field.Note("find", Paragraph.builder().plain("Someone missing? Type ")
                    .strong("customers").plain(" and a name, e.g. ").strong("customers Dana").plain(".").build()));
        }
        return new Form(direction.pickForm, direction.pickTitle, "Next", "", fields);
    }

    Outcome onPick(Direction direction, Interaction.FormSubmitted submitted) {
        Actor actor = submitted.actor();
        List<String> picked = new ArrayList<>(new LinkedHashSet<>(submitted.all(PEOPLE)));
        OrgGraph mine = around(actor);
        Optional<String> problem = checkPeople(actor, picked, limit(direction, actor, mine), mine);
        if (problem.isPresent()) {
            return Outcome.reply(new Reply.FormErrors(Map.of(PEOPLE, problem.get())));
        }
        List<PersonId> people = picked.stream().map(PersonId::of).toList();
        int newLimit = newLimit(named(direction, actor, mine));
        if (people.stream().filter(other -> existing(direction, actor, other, mine).isEmpty()).count() > newLimit) {
            return Outcome.reply(new Reply.FormErrors(Map.of(PEOPLE,
                    "Add at most " + newLimit + " new people at a time; you can add more later.")));
        }
        String after = after(submitted.state());
        if (people.isEmpty()) {
            return submit(new SurveySubmission(actor.tenant(), actor.person(), direction, clock.instant(), List.of(),
                    List.of(), after), mine);
        }
        return Outcome.reply(new Reply.NextForm(termsForm(direction, actor, askedFirst(direction, actor, people, mine),
                mine, after)));
    }

    /** The picked people, those the person has not named yet first (they need terms), then those they named. */
    private static List<PersonId> askedFirst(Direction direction, Actor actor, List<PersonId> people, OrgGraph mine) {
        List<PersonId> ordered = new ArrayList<>();
        people.stream().filter(other -> existing(direction, actor, other, mine).isEmpty()).forEach(ordered::add);
        people.stream().filter(other -> !ordered.contains(other)).forEach(ordered::add);
        return ordered;
    }

    /** The handoff between the actor and {@code other} in this direction that the actor named, if any. */
    private static Optional<Handoff> existing(Direction direction, Actor actor, PersonId other, OrgGraph mine) {
        PersonId up = direction.upstream(actor.person(), other);
        PersonId down = direction.downstream(actor.person(), other);
        return mine.edges().stream().filter(edge -> edge.upstream().equals(up) && edge.downstream().equals(down)
                && direction.namedByMe(edge, actor.person())).findFirst();
    }

    /**
     * The terms form: what, how often and how critical for each of the first {@link #MAX_FORM} people; anyone after
     * them (already named, see {@link #askedFirst}) keeps their terms, said in a note.
     */
    private Form termsForm(Direction direction, Actor actor, List<PersonId> people, OrgGraph mine, String after) {
        List<Field> fields = new ArrayList<>();
        TeamNames teams = new TeamNames(actor.tenant(), mine);
        int asked = Math.min(people.size(), MAX_FORM);
        if (asked < people.size()) {
            List<String> kept = people.subList(asked, people.size()).stream().map(other -> mine.person(other)
                    .or(() -> graph.person(actor.tenant(), other)).map(Person::displayName).orElse(other.value()))
                    .toList();
            fields.add(new Field.Note("kept", Paragraph.of("You keep " + kept.size() + " more as they are: "
                    + String.join(", ", kept) + ". To change what you said about them, pick fewer people at a time.")));
        }
        for (int i = 0; i < asked; i++) {
            PersonId other = people.get(i);
            PersonId up = direction.upstream(actor.person(), other);
            PersonId down = direction.downstream(actor.person(), other);
            Optional<Handoff> existing = mine.edges().stream()
                    .filter(edge -> edge.upstream().equals(up) && edge.downstream().equals(down)).findFirst();
            Optional<Person> person = mine.person(other).or(() -> graph.person(actor.tenant(), other));
            Paragraph.Builder about = Paragraph.builder()
                    .strong(person.map(Person::displayName).orElse(other.value()));
            person.flatMap(Person::teamId).ifPresent(team -> about.plain(" · ").plain(teams.name(team)));
            fields.add(new Field.Section("about." + i, about.build()));
            fields.add(new Field.TextInput("what." + i, direction.whatLabel, false, MAX_WHAT, false,
                    existing.map(Handoff::what).filter(w -> w.length() <= MAX_WHAT).orElse(null),
                    direction == Direction.CUSTOMERS ? "e.g. loaded truck, signed contract" : "e.g. route plan, sorted parcels",
                    direction.whatMissing));
            fields.add(new Field.Choice("often." + i, "How often?", false, Words.frequencyOptions(),
                    existing.map(edge -> Words.value(edge.frequency())).orElse(null), "Choose how often",
                    direction.oftenMissing));
            fields.add(new Field.Choice("critical." + i, direction.criticalLabel, false, Words.criticalityOptions(),
                    existing.map(edge -> Words.value(edge.criticality())).orElse(null), "Choose how much it matters",
                    direction.criticalMissing));
        }
        String state = STATE_VERSION + String.join(",", people.stream().map(PersonId::value).toList())
                + (after.isEmpty() ? "" : AFTER_SEPARATOR + AFTER + after);
        return new Form(direction.termsForm, direction.termsTitle,
                direction == Direction.CUSTOMERS ? "Next" : "Save", state, fields);
    }

    Outcome onTerms(Direction direction, Interaction.FormSubmitted submitted) {
        Actor actor = submitted.actor();
        Optional<List<String>> state = parseState(submitted.state());
        OrgGraph mine = around(actor);
        Optional<String> stateProblem = state.isEmpty() ? Optional.of("empty")
                : checkPeople(actor, state.get(), limit(direction, actor, mine), mine);
        if (stateProblem.isPresent() || state.get().isEmpty()) {
            return Outcome.reply(new Reply.FormErrors(Map.of("what.0",
                    "This form is out of date. Please close it and start again with customers.")));
        }
        List<PersonId> people = state.get().stream().map(PersonId::of).toList();
        Map<String, String> errors = new LinkedHashMap<>();
        List<HandoffTerms> terms = new ArrayList<>();
        for (int i = 0; i < Math.min(people.size(), MAX_FORM); i++) {
            readTerms(direction, submitted, i, errors).ifPresent(terms::add);
        }
        for (int i = MAX_FORM; i < people.size(); i++) { // kept as they are: their terms as the graph has them
            Optional<Handoff> kept = existing(direction, actor, people.get(i), mine);
            if (kept.isEmpty()) {
                return Outcome.reply(new Reply.FormErrors(Map.of("what.0",
                        "This form is out of date. Please close it and start again with customers.")));
            }
            terms.add(kept.get().terms());
        }
        if (!errors.isEmpty()) {
            return Outcome.reply(new Reply.FormErrors(errors));
        }
        return submit(new SurveySubmission(actor.tenant(), actor.person(), direction, clock.instant(), people, terms,
                after(submitted.state())), mine);
    }

    /**
     * A checked half: queued to be saved after the acknowledgement when there is a queue (the answer is the next form,
     * or a closing note; the summary follows when it is saved), else saved now. After the customers half comes the
     * suppliers picker (customer claims never touch the actor's suppliers, so the handoffs read before tell it).
     */
    private Outcome submit(SurveySubmission submission, OrgGraph mine) {
        Actor actor = new Actor(submission.tenant(), submission.actor());
        Direction direction = submission.direction();
        if (saves.isEmpty()) {
            Saved saved = save(submission, mine).orElseThrow();
            Reply reply = direction == Direction.CUSTOMERS
                    ? new Reply.NextForm(pickForm(Direction.SUPPLIERS, actor, mine))
                    : new Reply.CloseForm(saved.summary().orElseThrow());
            return new Outcome(reply, saved.notifications(), true);
        }
        String job = saves.get().enqueue(submission);
        log.info("survey {} of {} in tenant {} queued as {}: {} named", direction, actor.person(), actor.tenant(), job,
                submission.people().size());
        if (direction == Direction.CUSTOMERS) {
            Form suppliers = pickForm(Direction.SUPPLIERS, actor, mine);
            return Outcome.reply(new Reply.NextForm(new Form(suppliers.id(), suppliers.title(), suppliers.submitLabel(),
                    AFTER + job, suppliers.fields())));
        }
        return Outcome.reply(new Reply.CloseForm(new Message("Saving your answers", List.of(Paragraph.of(
                "Got it, I'm saving your answers. I'll send you a summary in a moment.")))));
    }

    /** Saves a half now: reads the person's handoffs and writes the claims; empty when the person is gone. */
    Optional<Saved> save(SurveySubmission submission) {
        return save(submission, around(new Actor(submission.tenant(), submission.actor())));
    }

    private Optional<Saved> save(SurveySubmission submission, OrgGraph mine) {
        Actor actor = new Actor(submission.tenant(), submission.actor());
        Direction direction = submission.direction();
        Optional<Person> me = mine.person(actor.person());
        if (me.isEmpty()) {
            return Optional.empty();
        }
        Instant now = submission.at();
        Claimant claimant = new Claimant(me.get(), me.get().teamId().map(mine::teamName));
        List<Notification> notifications = new ArrayList<>();
        List<PersonId> people = submission.people();
        for (int i = 0; i < people.size(); i++) {
            try {
                notifications.addAll(claim(direction, actor, claimant, people.get(i), submission.terms().get(i), now));
            } catch (UnknownPersonException gone) {
                log.info("survey {} of {} in tenant {}: {} is gone, skipped", direction, actor.person(), actor.tenant(),
                        people.get(i));
            }
        }
        // the claims above touch only picked people, so the handoffs read before still tell what to withdraw
        notifications.addAll(withdrawUnpicked(direction, actor, Set.copyOf(people), now, mine));
        log.info("survey {} saved by {} in tenant {}: {} named, {} notifications", direction, actor.person(),
                actor.tenant(), people.size(), notifications.size());
        return Optional.of(new Saved(notifications,
                direction == Direction.SUPPLIERS ? Optional.of(summary(actor)) : Optional.empty()));
    }

    private Optional<HandoffTerms> readTerms(Direction direction, Interaction.FormSubmitted submitted, int i,
                                             Map<String, String> errors) {
        String what = submitted.first("what." + i).strip();
        Optional<Frequency> often = Words.frequency(submitted.first("often." + i));
        Optional<Criticality> critical = Words.criticality(submitted.first("critical." + i));
        if (what.isEmpty()) {
            errors.put("what." + i, direction.whatMissing + ".");
        } else if (what.length() > MAX_WHAT) {
            errors.put("what." + i, "Keep it to " + MAX_WHAT + " characters.");
        } else if (what.chars().anyMatch(Character::isISOControl)) {
            errors.put("what." + i, "Keep it to one line.");
        }
        if (often.isEmpty()) {
            errors.put("often." + i, direction.oftenMissing + ".");
        }
        if (critical.isEmpty()) {
            errors.put("critical." + i, direction.criticalMissing + ".");
        }
        if (errors.containsKey("what." + i) || often.isEmpty() || critical.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HandoffTerms(what, often.get(), critical.get()));
    }

    /**
     * Team names from the team directory: the neighbourhood holds only the teams of the people in it, and someone
     * picked for the first time is not in it yet (their team would show as its id, "ward-7-here"). The directory is
     * read once per form, and only when a team is not in the neighbourhood.
     */
    private final class TeamNames {
        private final TenantId tenant;
        private final OrgGraph mine;
        private TeamMap directory;

        TeamNames(TenantId tenant, OrgGraph mine) {
            this.tenant = tenant;
            this.mine = mine;
        }

        String name(TeamId team) {
            if (mine.teams().containsKey(team)) {
                return mine.teamName(team);
            }
            if (directory == null) {
                directory = graph.teamMap(tenant);
            }
            return directory.teamName(team);
        }
    }

    /** The person answering the survey, with their team's name for the colleagues they name. */
    private record Claimant(Person person, Optional<String> teamName) {
    }

    /** Writes the actor's claim of one edge and says who must hear about it. */
    private List<Notification> claim(Direction direction, Actor actor, Claimant claimant, PersonId other,
                                     HandoffTerms terms, Instant now) {
        TenantId tenant = actor.tenant();
        PersonId up = direction.upstream(actor.person(), other);
        PersonId down = direction.downstream(actor.person(), other);
        AtomicReference<Optional<Handoff>> seen = new AtomicReference<>(Optional.empty());
        Handoff after = graph.update(tenant, up, down, current -> {
            seen.set(current);
            return Optional.of(claimed(current, up, down, terms, direction, now));
        }).orElseThrow();
        Optional<Handoff> before = seen.get();
        if (after.status() != EdgeStatus.DISPUTED && before.map(b -> b.status() == EdgeStatus.DISPUTED).orElse(false)) {
            reasons.remove(tenant, up, down);
        }
        Person me = claimant.person();
        if (after.status() == EdgeStatus.CLAIMED && direction.mineAlone(after)) {
            if (preferences.paused(tenant, other, now)) {
                return List.of(); // they see the question in their home when they come back
            }
            return List.of(new Notification(other, Asks.question(after, me, claimant.teamName(),
                            moments.nearest(tenant, down)),
                    NotificationKeys.of("confirm", up, down, after.updatedAt())));
        }
        if (after.status() == EdgeStatus.CONFIRMED && before.map(b -> b.status() != EdgeStatus.CONFIRMED).orElse(true)) {
            return List.of(new Notification(other, Asks.confirmed(after, me, direction.mySide),
                    NotificationKeys.of("confirmed", up, down, after.lastConfirmedAt())));
        }
        return List.of();
    }

    private static Handoff claimed(Optional<Handoff> current, PersonId up, PersonId down, HandoffTerms terms,
                                   Direction direction, Instant now) {
        if (current.isEmpty()) {
            return Handoff.claimed(up, down, terms, direction.mySide, now);
        }
        Handoff edge = current.get();
        now = EdgeTimes.notBefore(now, edge);
        if (edge.status() == EdgeStatus.DISPUTED && direction.mineAlone(edge)) {
            Handoff again = edge.claimedAgainBy(direction.mySide, terms, now);
            return again.terms().equals(edge.terms()) ? edge : again;
        }
        if (edge.status() == EdgeStatus.DISPUTED) {
            // they named it, this person said "not really" before and now names it: both agree after all
            return edge.confirmedBy(direction.mySide, now).claimedAgainBy(direction.mySide, terms, now);
        }
        return edge.claimedAgainBy(direction.mySide, terms, now);
    }

    /** Withdraws the actor's own claims on the people of this half they did not pick (see the class comment). */
    private List<Notification> withdrawUnpicked(Direction direction, Actor actor, Set<PersonId> picked, Instant now,
                                                OrgGraph mine) {
        TenantId tenant = actor.tenant();
        List<Notification> notifications = new ArrayList<>();
        for (Handoff edge : mine.edges()) {
            PersonId other = direction.other(edge);
            if (!direction.namedByMe(edge, actor.person()) || picked.contains(other)) {
                continue;
            }
            Optional<Handoff> after = graph.update(tenant, edge.upstream(), edge.downstream(), current -> {
                if (current.isEmpty() || !current.get().claimedBy().includes(direction.mySide)) {
                    return current;
                }
                Handoff c = current.get();
                return c.claimedBy() == ClaimedBy.BOTH
                        ? Optional.of(c.disputedBy(direction.mySide, EdgeTimes.notBefore(now, c)))
                        : Optional.empty();
            });
            if (after.isEmpty()) {
                reasons.remove(tenant, edge.upstream(), edge.downstream());
            } else if (edge.status() == EdgeStatus.CONFIRMED && after.get().status() == EdgeStatus.DISPUTED) {
                Person me = mine.person(actor.person()).orElseThrow();
                notifications.add(new Notification(other, Asks.disputed(after.get(), me, direction.mySide, null),
                        NotificationKeys.of("disputed", edge.upstream(), edge.downstream(), after.get().updatedAt())));
            }
        }
        return notifications;
    }

    private Message summary(Actor actor) {
        OrgGraph mine = graph.neighbourhood(actor.tenant(), actor.person(), 1).graph();
        PersonId me = actor.person();
        long customers = mine.edges().stream().filter(e -> Direction.CUSTOMERS.namedByMe(e, me)).count();
        long suppliers = mine.edges().stream().filter(e -> Direction.SUPPLIERS.namedByMe(e, me)).count();
        long waiting = mine.edges().stream().filter(e -> (Direction.CUSTOMERS.namedByMe(e, me)
                || Direction.SUPPLIERS.namedByMe(e, me)) && e.status() == EdgeStatus.CLAIMED).count();
        String first = mine.person(me).map(Words::firstName).orElse("");
        Paragraph thanks = Paragraph.builder().plain("Thanks" + (first.isEmpty() ? "" : ", " + first) + "! You named ")
                .strong(count(customers, "internal customer")).plain(" and ").strong(count(suppliers, "supplier"))
                .plain(".").build();
        List<io.handoff.chat.Block> blocks = new ArrayList<>(List.of(thanks));
        if (waiting > 0) {
            blocks.add(Paragraph.of("I've asked " + (waiting == 1 ? "one colleague" : waiting + " colleagues")
                    + " to confirm; their answers show up in your Handoff home."));
        }
        blocks.add(Paragraph.of("Type map to see your handoffs, or customers to change anything."));
        return new Message(thanks.plainText(), blocks);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * How many people the actor may pick in this half: everyone they already named (so the form they are shown,
     * preselected with them, can always be sent unchanged) and {@link #newLimit} more.
     */
    private static int limit(Direction direction, Actor actor, OrgGraph mine) {
        int named = named(direction, actor, mine);
        return named + newLimit(named);
    }

    /**
     * How many new people one round may add: {@link #MAX_PEOPLE}, or as many as the person already named, at most
     * {@link #MAX_FORM} (the terms form asks about every new person).
     */
    private static int newLimit(int named) {
        return Math.min(MAX_FORM, Math.max(MAX_PEOPLE, named));
    }

    private static int named(Direction direction, Actor actor, OrgGraph mine) {
        return (int) mine.edges().stream().filter(edge -> direction.namedByMe(edge, actor.person())).count();
    }

    /** The people ids in a form state, or empty when the state is not one of ours. */
    static Optional<List<String>> parseState(String state) {
        if (state == null || !state.startsWith(STATE_VERSION)) {
            return Optional.empty();
        }
        String ids = state.substring(STATE_VERSION.length());
        int after = ids.indexOf(AFTER_SEPARATOR);
        ids = after < 0 ? ids : ids.substring(0, after);
        return Optional.of(ids.isEmpty() ? List.of() : List.of(ids.split(",", -1)));
    }

    /** The save a form's state says to wait for ({@code after=<job id>}), or empty; checked when it is read. */
    static String after(String state) {
        int at = state == null ? -1 : state.indexOf(AFTER);
        return at < 0 ? "" : state.substring(at + AFTER.length());
    }

    /** What is wrong with a list of picked person ids, if anything; checked against the graph, never trusted. */
    private Optional<String> checkPeople(Actor actor, List<String> ids, int limit, OrgGraph mine) {
        if (ids.size() > limit) {
            return Optional.of("Pick at most " + limit + " people for now; you can add more later.");
        }
        if (ids.size() != new LinkedHashSet<>(ids).size()) {
            return Optional.of("Each person only once, please.");
        }
        for (String id : ids) {
            if (!Identifier.isValid(id) || (mine.person(PersonId.of(id)).isEmpty()
                    && graph.person(actor.tenant(), PersonId.of(id)).isEmpty())) {
                return Optional.of("I don't know one of the people you picked. Pick colleagues from the list.");
            }
            if (id.equals(actor.person().value())) {
                return Optional.of("That's you! Pick the colleagues, not yourself.");
            }
        }
        return Optional.empty();
    }
}
