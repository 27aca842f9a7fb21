package io.handoff.survey;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.Delivery;
import io.handoff.chat.port.PlatformSender;
import io.handoff.chat.Interaction;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.conversation.ConversationFeature;
import io.handoff.graph.ClaimedBy;
import io.handoff.graph.CustomerMoments;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.privacy.PersonalData;
import io.handoff.privacy.PersonalDataCommands;
import io.handoff.graph.Refusal;
import io.handoff.scheduler.Job;
import io.handoff.scheduler.JobResult;
import io.handoff.scheduler.Scheduler;

/**
 * The survey that maps internal customers (prefix {@code survey.}): commands {@code customers}, {@code pause},
 * {@code resume}, {@code my-data}, {@code forget-me}; the confirmation buttons; the home section. Each part lives in
 * its own small class; this one only routes.
 */
@Component
@Order(0)
class SurveyFeature implements ConversationFeature {
    private final GraphStore graph;
    private final SurveyFlow flow;
    private final Confirmations confirmations;
    private final HomeSection home;
    private final PauseCommands pause;
    private final PersonalDataCommands personalData;

    private final Optional<SurveySaves> saves;

    /** The application's survey: submitted halves are saved after the acknowledgement, by scheduler jobs. */
    @Autowired
    public SurveyFeature(GraphStore graph, PreferencesStore preferences, DisputeReasons reasons,
                         List<PersonalData> stores, ObjectProvider<Clock> clock,
                         ObjectProvider<CustomerMoments> moments, ObjectProvider<Scheduler> scheduler,
                         ObjectProvider<Delivery> delivery, List<PlatformSender> senders,
                         ObjectProvider<SurveyMetrics> metrics) {
        this(graph, preferences, reasons, stores, clock.getIfAvailable(Clock::systemUTC),
                moments.getIfAvailable(() -> CustomerMoments.NONE), saves(scheduler.getIfAvailable(),
                        delivery.getIfAvailable(), graph, senders, metrics.getIfAvailable(() -> SurveyMetrics.NONE)));
    }

    public SurveyFeature(GraphStore graph, PreferencesStore preferences, DisputeReasons reasons,
                         List<PersonalData> stores, Clock clock) {
        this(graph, preferences, reasons, stores, clock, CustomerMoments.NONE);
    }

    /** The survey whose questions name the customer moment the handoff reaches ({@code moments}). */
    public SurveyFeature(GraphStore graph, PreferencesStore preferences, DisputeReasons reasons,
                         List<PersonalData> stores, Clock clock, CustomerMoments moments) {
        this(graph, preferences, reasons, stores, clock, moments, Optional.empty());
    }

    private SurveyFeature(GraphStore graph, PreferencesStore preferences, DisputeReasons reasons,
                          List<PersonalData> stores, Clock clock, CustomerMoments moments,
                          Optional<SurveySaves> saves) {
        this.graph = graph;
        this.saves = saves;
        this.flow = new SurveyFlow(graph, preferences, reasons, clock, moments,
                saves.map(queue -> queue::enqueue));
        this.confirmations = new Confirmations(graph, reasons, flow, clock);
        this.home = new HomeSection(graph, preferences, clock);
        this.pause = new PauseCommands(graph, preferences, clock);
        this.personalData = new PersonalDataCommands(stores, clock, SurveyActions.FORGET,
                SurveyActions.FORGET_CANCEL);
    }

    private static Optional<SurveySaves> saves(Scheduler scheduler, Delivery delivery, GraphStore graph,
                                               List<PlatformSender> senders, SurveyMetrics metrics) {
        return scheduler == null || delivery == null ? Optional.empty()
                : Optional.of(new SurveySaves(scheduler, delivery, graph, senders, metrics));
    }

    /** Runs a queued save ({@link SurveySaveJob}); empty when this survey saves within the request. */
    Optional<JobResult> runSave(Job job) {
        return saves.map(queue -> queue.run(job, flow));
    }

    void saveFailed(Job job, String error) {
        saves.ifPresent(queue -> queue.deadLettered(job, error));
    }

    @Override
    public String prefix() {
        return SurveyActions.PREFIX;
    }

    @Override
    public List<CommandHelp> commands() {
        return List.of(
                new CommandHelp("customers", "customers", "tell me who depends on your work, and whose work you depend on"
                        + " (customers Dana lists the colleagues called Dana to pick from)"),
                new CommandHelp("pause", "pause [2 weeks]", "no questions or reminders for a while (default two weeks)"),
                new CommandHelp("resume", "resume", "questions and reminders on again"),
                new CommandHelp("my-data", "my-data", "everything Handoff stores about you, with a file to keep"),
                new CommandHelp("forget-me", "forget-me", "delete everything Handoff stores about you"));
    }

    @Override
    public Outcome onCommand(Actor actor, String word, String args) {
        return switch (word) {
            case "customers" -> Outcome.reply(new Reply.OpenForm(flow.start(actor, args)));
            case "pause" -> pause.pause(actor, args);
            case "resume" -> pause.resume(actor, waiting(actor));
            case "my-data" -> personalData.myData(actor);
            case "forget-me" -> personalData.forgetMe(actor);
            default -> throw new Refusal("I don't know " + word);
        };
    }

    @Override
    public Outcome onButton(Interaction.ButtonPressed pressed) {
        Actor actor = pressed.actor();
        return switch (pressed.action().id()) {
            case SurveyActions.START -> Outcome.reply(new Reply.OpenForm(flow.start(actor)));
            case SurveyActions.CONFIRM -> confirmations.onConfirm(pressed, false);
            case SurveyActions.MORE -> confirmations.onConfirm(pressed, true);
            case SurveyActions.DISPUTE -> confirmations.onDisputeButton(pressed);
            case SurveyActions.CHANGE -> confirmations.onChange(pressed);
            case SurveyActions.RESUME -> pause.resume(actor, waiting(actor));
            case SurveyActions.FORGET -> personalData.forgetConfirmed(actor, pressed.action().value());
            case SurveyActions.FORGET_CANCEL -> personalData.forgetCancelled();
            default -> throw new Refusal("that button is no longer in use");
        };
    }

    @Override
    public Outcome onForm(Interaction.FormSubmitted submitted) {
        return switch (submitted.formId()) {
            case SurveyActions.CUSTOMERS_PICK -> flow.onPick(Direction.CUSTOMERS, submitted);
            case SurveyActions.CUSTOMERS_TERMS -> flow.onTerms(Direction.CUSTOMERS, submitted);
            case SurveyActions.SUPPLIERS_PICK -> flow.onPick(Direction.SUPPLIERS, submitted);
            case SurveyActions.SUPPLIERS_TERMS -> flow.onTerms(Direction.SUPPLIERS, submitted);
            case SurveyActions.DISPUTE_FORM -> confirmations.onDisputeForm(submitted);
            default -> throw new Refusal("that form is no longer in use");
        };
    }

    @Override
    public List<Block> homeSection(Actor actor) {
        return home.blocks(actor);
    }

    /** How many questions wait for the person's answer (edges only the other side named). */
    private long waiting(Actor actor) {
        return graph.neighbourhood(actor.tenant(), actor.person(), 1).graph().edges().stream()
                .filter(Handoff::pending)
                .filter(edge -> edge.claimedBy() == ClaimedBy.of(
                        edge.upstream().equals(actor.person()) ? io.handoff.graph.Side.DOWNSTREAM
                                : io.handoff.graph.Side.UPSTREAM))
                .count();
    }
}
