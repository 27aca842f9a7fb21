package io.handoff.playground;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.ChatBot;
import io.handoff.chat.Delivery;
import io.handoff.chat.Interaction;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.chat.Place;
import io.handoff.delivery.Decision;
import io.handoff.delivery.DecisionLog;
import io.handoff.delivery.PromptWords;
import io.handoff.delivery.Outbox;
import io.handoff.demo.DemoStories;
import io.handoff.demo.DemoStory;
import io.handoff.empathy.EmpathyTick;
import io.handoff.graph.GraphStore;
import io.handoff.journey.Journeys;
import io.handoff.graph.Identifier;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.privacy.PersonalData;

/**
 * The playground's chat API: a person of the demo tenant sends commands, presses buttons and submits forms exactly
 * as on Slack; the answer and the home view come back as {@link View} JSON. Only the demo stories' tenants
 * ({@link DemoStory}: {@code depot}, {@code ward}) are served.
 */
@RestController
@Conditional(PlaygroundEnabled.class)
@RequestMapping("/playground/api/tenants/{tenant}")
class PlaygroundController {
    private static final Logger log = LoggerFactory.getLogger(PlaygroundController.class);

    private final ChatBot bot;
    private final Delivery delivery;
    private final GraphStore graph;
    private final PlaygroundInbox inbox;
    private final Clock clock;
    private final DemoTime time;
    private final DecisionLog decisions;
    private final Outbox outbox;
    private final Journeys journeys;
    private final EmpathyTick empathyTick;
    private final List<PersonalData> personalData;
    private final DemoStories stories;

    PlaygroundController(ChatBot bot, Delivery delivery, GraphStore graph, PlaygroundInbox inbox, Clock clock,
                         DemoTime time, DecisionLog decisions, Outbox outbox, EmpathyTick empathyTick,
                         Journeys journeys, List<PersonalData> personalData, DemoStories stories) {
        this.stories = stories;
        this.outbox = outbox;
        this.journeys = journeys;
        this.empathyTick = empathyTick;
        this.personalData = personalData.stream().sorted(Comparator.comparingInt(PersonalData::eraseOrder)).toList();
        this.bot = bot;
        this.delivery = delivery;
        this.graph = graph;
        this.inbox = inbox;
        this.clock = clock;
        this.time = time;
        this.decisions = decisions;
    }

    record ClockRequest(String advance) {
    }

    /**
     * One decision of the delivery rules, as the page shows it: to whom (by name), what the message says (its summary,
     * while the outbox knows it), whether Handoff started it ({@code NUDGE}) or a colleague's action did.
     */
    record DecisionEntry(String at, String person, String personName, String kind, String about, String what,
                         String verdict, String until, String reason) {
    }

    record CommandRequest(String text) {
    }

    /** {@code messageId}: the inbox item the button was on, if it was on one (its message may be replaced). */
    record ButtonRequest(String actionId, String value, String messageId) {
    }

    /** A form submitted; {@code messageId} is the inbox item whose button opened it, if any (replaced when answered). */
    record FormRequest(String formId, String state, Map<String, List<String>> values, String messageId) {
    }

    @GetMapping("/people")
    List<View.PersonEntry> people(@PathVariable String tenant) {
        DemoStory story = story(tenant);
        OrgGraph org = graph.graph(story.tenant());
        Map<PersonId, Person> directory = new LinkedHashMap<>(org.people());
        DemoStories.people(story).forEach(p -> directory.putIfAbsent(p.id(), p)); // forgotten people may come back
        return directory.values().stream()
                .sorted(Comparator.comparing((Person p) -> p.teamId().map(TeamId::value).orElse(""))
                        .thenComparing(Person::displayName))
                .map(p -> new View.PersonEntry(p.id().value(), p.displayName(),
                        p.teamId().map(TeamId::value).orElse(""), p.teamId().map(org::teamName).orElse("")))
                .toList();
    }

    /** Forgets everything done in this story and loads its organisation, admin, journey and friction again. */
    @PostMapping("/reset")
    Map<String, Integer> reset(@PathVariable String tenant) {
        DemoStory story = story(tenant);
        TenantId demo = story.tenant();
        Set<PersonId> people = graph.graph(demo).people().keySet();
        for (PersonId person : people) {
            inbox.clear(demo, person);
            personalData.forEach(store -> store.erase(demo, person)); // what forget-me erases, the graph last
            graph.deletePerson(demo, person);
        }
        int forgotten = people.size();
        time.intoWorkingHours(demo);
        // forgetting people took them off the touchpoints they owned: the sample journeys start afresh too
        journeys.journeys(demo).forEach(journey -> journeys.delete(demo, journey.id()));
        stories.load(story, clock.instant());
        empathyTick.scheduleNext(demo);
        return Map.of("peopleForgotten", forgotten, "peopleLoaded", DemoStories.people(story).size());
    }

    @GetMapping("/clock")
    DemoTime.Now clock(@PathVariable String tenant) {
        return time.now(demo(tenant));
    }

    /** Moves demo time forward so scheduled polls, stories and nudges fire now. */
    @PostMapping("/clock")
    DemoTime.Now advance(@PathVariable String tenant, @RequestBody ClockRequest request) {
        TenantId demo = demo(tenant);
        try {
            return time.advance(demo, request.advance());
        } catch (DemoTime.ClockLockedException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    /**
     * What the delivery rules decided lately: sent, merged into one message with other prompts, deferred (quiet
     * hours, weekly cap, paced), dropped while paused; each with what the message was, in words.
     */
    @GetMapping("/decisions")
    List<DecisionEntry> decisions(@PathVariable String tenant) {
        TenantId demo = demo(tenant);
        Map<PersonId, Person> people = graph.graph(demo).people();
        return decisions.recent(demo, 50).stream()
                .map(entry -> new DecisionEntry(entry.at().toString(), entry.person().value(),
                        Optional.ofNullable(people.get(entry.person())).map(Person::displayName)
                                .orElse(entry.person().value()),
                        entry.kind().name(),
                        // only a deferred message still waits with its text; a sent or dropped one has none
                        entry.verdict() == Decision.Verdict.DEFER
                                ? outbox.summary(demo, entry.messageKey()).orElse(null) : null,
                        PromptWords.describe(entry.messageKey()), entry.verdict().name(), entry.until().map(Instant::toString).orElse(null), entry.reason()))
                .toList();
    }

    @GetMapping("/people/{person}/home")
    View.Home home(@PathVariable String tenant, @PathVariable String person) {
        Actor actor = actor(tenant, person);
        return renderer(actor.tenant()).home(bot.home(actor));
    }

    @GetMapping("/people/{person}/inbox")
    List<View.Message> inbox(@PathVariable String tenant, @PathVariable String person) {
        Actor actor = actor(tenant, person);
        return inbox.messages(actor.tenant(), actor.person());
    }

    @PostMapping("/people/{person}/command")
    View.Answer command(@PathVariable String tenant, @PathVariable String person, @RequestBody CommandRequest request) {
        Actor actor = actor(tenant, person);
        String text = request.text() == null ? "" : request.text();
        if (text.length() > 2000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A command is at most 2000 characters.");
        }
        return answer(actor, bot.handle(new Interaction.Command(actor, text, Place.on(Platform.PLAYGROUND))));
    }

    @PostMapping("/people/{person}/button")
    View.Answer button(@PathVariable String tenant, @PathVariable String person, @RequestBody ButtonRequest request) {
        Actor actor = actor(tenant, person);
        if (request.actionId() == null || request.actionId().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "actionId is required.");
        }
        Action action = new Action(request.actionId(), request.value());
        Outcome outcome = bot.handle(new Interaction.ButtonPressed(actor, action));
        if (outcome.reply() instanceof Reply.Replace replace && request.messageId() != null) {
            Optional<View.Message> replaced = inbox.replace(actor.tenant(), actor.person(), request.messageId(),
                    replace.message());
            if (replaced.isPresent()) {
                View.Answer answer = answer(actor, outcome);
                return new View.Answer("replace", replaced.get(), null, null, answer.home());
            }
        }
        if (outcome.reply() instanceof Reply.OpenForm open && open.replacing().isPresent()) {
            // "Yes, and there's more": the question becomes its answer (in the inbox, or where the page shows it)
            // while the form opens
            View.Answer answer = answer(actor, outcome);
            View.Message replacement = (request.messageId() == null ? Optional.<View.Message>empty()
                    : inbox.replace(actor.tenant(), actor.person(), request.messageId(), open.replacing().get()))
                    .orElseGet(() -> ViewRenderer.message(open.replacing().get(), Instant.now()));
            return new View.Answer("form", replacement, answer.form(), null, answer.home());
        }
        return answer(actor, outcome);
    }

    @PostMapping("/people/{person}/form")
    View.Answer form(@PathVariable String tenant, @PathVariable String person, @RequestBody FormRequest request) {
        Actor actor = actor(tenant, person);
        if (request.formId() == null || request.formId().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "formId is required.");
        }
        Map<String, List<String>> values = request.values() == null ? Map.of() : request.values();
        Outcome outcome = bot.handle(new Interaction.FormSubmitted(actor, request.formId(), request.state(), values));
        if (outcome.reply() instanceof Reply.CloseForm close && close.replacesOrigin()) {
            // the message whose button opened the form becomes the answer: the inbox item named, else where the
            // page shows it (a chat bubble)
            View.Answer answer = answer(actor, outcome);
            View.Message replacement = (request.messageId() == null ? Optional.<View.Message>empty()
                    : inbox.replace(actor.tenant(), actor.person(), request.messageId(), close.message()))
                    .orElse(answer.message());
            return new View.Answer("close-replace", replacement, null, null, answer.home());
        }
        return answer(actor, outcome);
    }

    private View.Answer answer(Actor actor, Outcome outcome) {
        for (Notification notification : outcome.notifications()) {
            delivery.deliver(actor.tenant(), notification, notification.key());
        }
        return renderer(actor.tenant()).answer(outcome, bot.home(actor));
    }

    private ViewRenderer renderer(TenantId tenant) {
        return new ViewRenderer(graph.graph(tenant).people().values().stream()
                .sorted(Comparator.comparing(Person::displayName)).toList());
    }

    /**
     * The person acting. The sample organisation is the playground's directory, as a workspace's member list is for
     * Slack: someone who said forget-me is still in it and comes back as a newcomer (their card, no handoffs), just as
     * they would by writing to Handoff again in Slack or Teams.
     */
    private Actor actor(String tenant, String person) {
        DemoStory story = story(tenant);
        TenantId demo = story.tenant();
        boolean known = Identifier.isValid(person) && (graph.person(demo, PersonId.of(person)).isPresent()
                || DemoStories.people(story).stream().filter(p -> p.id().value().equals(person)).findFirst()
                        .map(returning -> {
                            graph.savePerson(demo, returning);
                            log.info("playground: {} came back after forget-me and starts afresh", returning.id());
                            return true;
                        }).orElse(false));
        if (!known) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is nobody called '" + person
                    + "' in " + story.title() + ".");
        }
        return new Actor(demo, PersonId.of(person));
    }

    static TenantId demo(String tenant) {
        return story(tenant).tenant();
    }

    static DemoStory story(String tenant) {
        return Optional.ofNullable(Identifier.isValid(tenant) ? tenant : null).map(TenantId::of)
                .flatMap(DemoStory::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "The playground serves only the "
                        + "demo tenants (depot, ward); real workspaces talk to Handoff in Slack or Microsoft Teams."));
    }
}
