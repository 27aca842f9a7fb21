package io.handoff.journey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Field;
import io.handoff.chat.Form;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
import io.handoff.conversation.ConversationFeature;
import io.handoff.empathy.RelayedStories;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Names;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;
import io.handoff.graph.TenantId;
import io.handoff.graph.Texts;

/**
 * The customer's voice travels upstream: {@code voice [touchpoint]} lets a front-line owner of a touchpoint (named, or
 * through their team) pass a customer's words to the people who hand work straight to them behind it (their direct
 * suppliers in the touchpoint's backstage). A form (which touchpoint when they own several, the words typed or
 * pasted, named or anonymous); emails and phone numbers are masked before anything is stored or shown
 * ({@link ContactMasker}); the sender sees the exact preview with Send, Edit and Discard; Send relays the words as
 * stories ({@link RelayedStories}), so each supplier can react, talk or ask to shadow a shift as with a story, and
 * the delivery rules of every message apply.
 *
 * <p>Why direct suppliers only: each gets the words as a story about the handoff they share with the sender, so
 * "Let's talk" and shadowing bring together two people who already work together; people further up hear from a
 * stranger and would be skipped past the colleagues in between, and a long chain makes anonymity thinner. Each
 * supplier can take it further up with their own stories.
 */
final class VoiceFeature implements ConversationFeature {
    static final String PREFIX = "voice.";
    static final String FORM = "voice.form";
    static final String SEND = "voice.send";
    static final String EDIT = "voice.edit";
    static final String DISCARD = "voice.discard";
    static final String NAMED = "named";
    static final String ANONYMOUS = "anonymous";
    private static final Logger log = LoggerFactory.getLogger(VoiceFeature.class);

    private final GraphStore graph;
    private final FrontLineTouchpoints frontLine;
    private final VoiceStore voices;
    private final RelayedStories relay;
    private final Clock clock;

    VoiceFeature(GraphStore graph, FrontLineTouchpoints frontLine, VoiceStore voices, RelayedStories relay,
                 Clock clock) {
        this.graph = Objects.requireNonNull(graph);
        this.frontLine = Objects.requireNonNull(frontLine);
        this.voices = Objects.requireNonNull(voices);
        this.relay = Objects.requireNonNull(relay);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public List<CommandHelp> commands() {
        return List.of(new CommandHelp("voice", "voice [touchpoint]",
                "on the front line of a customer moment: pass a customer's words to the people whose work reaches "
                        + "it through you (emails and phone numbers are removed; you see it before it goes)"));
    }

    @Override
    public Outcome onCommand(Actor actor, String word, String args) {
        List<FrontLineTouchpoints.Owned> owned = frontLine.ownedBy(actor.tenant(), actor.person());
        if (owned.isEmpty()) {
            return Outcome.show(Message.text("You are not on the front line of a customer moment in any journey "
                    + "yet, so there is no customer's voice to pass on. A touchpoint's front line is its owners and "
                    + "the people of its owner teams."));
        }
        String wanted = args == null ? "" : args.strip().toLowerCase(Locale.ROOT);
        List<FrontLineTouchpoints.Owned> matching = wanted.isEmpty() ? owned : owned.stream()
                .filter(o -> o.touchpoint().name().toLowerCase(Locale.ROOT).equals(wanted)
                        || o.touchpoint().id().value().toLowerCase(Locale.ROOT).equals(wanted))
                .toList();
        if (matching.isEmpty()) {
            matching = owned;
        }
        return Outcome.reply(new Reply.OpenForm(form(matching, null)));
    }

    @Override
    public Outcome onButton(Interaction.ButtonPressed pressed) {
        Actor actor = pressed.actor();
        String id = pressed.action().value();
        return switch (pressed.action().id()) {
            case SEND -> send(actor, draftOf(actor, id));
            case EDIT -> edit(actor, draftOf(actor, id));
            case DISCARD -> {
                voices.discard(actor.tenant(), draftOf(actor, id));
                yield new Outcome(new Reply.Show(Message.text("Discarded. Nothing was sent.")), List.of(), false);
            }
            default -> throw new Refusal("that button is no longer in use");
        };
    }

    @Override
    public Outcome onForm(Interaction.FormSubmitted submitted) {
        if (!FORM.equals(submitted.formId())) {
            return Outcome.reply(new Reply.CloseForm(Message.text("This form is no longer in use.")));
        }
        Actor actor = submitted.actor();
        // state: <journey>|<touchpoint>|<draft id or empty>; journey and touchpoint empty when the form asks
        String[] state = submitted.state().split("\\|", -1);
        if (state.length != 3) {
            throw new Refusal("This form could not be read.");
        }
        List<FrontLineTouchpoints.Owned> owned = frontLine.ownedBy(actor.tenant(), actor.person());
        Map<String, String> errors = new LinkedHashMap<>();
        String chosen = state[0].isEmpty() ? submitted.first("touchpoint") : state[0] + "|" + state[1];
        Optional<FrontLineTouchpoints.Owned> where = owned.stream().filter(o -> key(o).equals(chosen)).findFirst();
        if (where.isEmpty()) {
            errors.put(state[0].isEmpty() ? "touchpoint" : "words", state[0].isEmpty()
                    ? "Choose the customer moment where you heard it."
                    : "You are no longer on the front line of that customer moment.");
        } else if (where.get().suppliers().isEmpty()) {
            errors.put(state[0].isEmpty() ? "touchpoint" : "words", "Nobody hands work to you for "
                    + where.get().touchpoint().name() + " yet, so there is no one to pass it to.");
        }
        String text = Texts.clean(submitted.first("words"), Integer.MAX_VALUE);
        ContactMasker.Masked masked = ContactMasker.mask(text);
        if (text.isBlank()) {
            errors.put("words", "Type or paste what the customer said.");
        } else if (masked.text().length() > CustomerVoice.MAX_WORDS) {
            errors.put("words", "Please keep it under " + CustomerVoice.MAX_WORDS + " characters (it has "
                    + masked.text().length() + ").");
        }
        String as = submitted.first("as");
        if (!as.equals(NAMED) && !as.equals(ANONYMOUS)) {
            errors.put("as", "Choose whether to send it with your name or anonymously.");
        }
        if (!errors.isEmpty()) {
            return Outcome.reply(new Reply.FormErrors(errors));
        }
        String id = state[2].isEmpty() ? VoiceStore.newId() : draftOf(actor, state[2]).id();
        FrontLineTouchpoints.Owned at = where.orElseThrow();
        CustomerVoice draft = CustomerVoice.draft(id, actor.person(), at.journey(), at.touchpoint(), masked.text(),
                as.equals(ANONYMOUS), clock.instant());
        if (!voices.saveDraft(actor.tenant(), draft)) {
            throw new Refusal("These words were already sent.");
        }
        log.info("customer voice draft {} in tenant {}: {} emails and {} phone numbers masked", id, actor.tenant(),
                masked.emails(), masked.phones());
        return Outcome.reply(new Reply.CloseForm(preview(actor.tenant(), draft, at, masked)));
    }

    private Message preview(TenantId tenant, CustomerVoice draft, FrontLineTouchpoints.Owned at,
                            ContactMasker.Masked masked) {
        Person sender = person(tenant, draft.sender());
        List<String> names = at.suppliers().stream()
                .map(s -> graph.person(tenant, s.person()).map(Person::displayName).orElse(s.person().value()))
                .toList();
        Message preview = RelayedStories.voicePreview(voiceOf(draft), sender, names,
                Buttons.of(Button.primary("Send", new Action(SEND, draft.id())),
                        Button.of("Edit", new Action(EDIT, draft.id())),
                        Button.danger("Discard", new Action(DISCARD, draft.id()))));
        if (!masked.changed()) {
            return preview;
        }
        List<io.handoff.chat.Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of(removed(masked) + " before anyone sees it."));
        blocks.addAll(preview.blocks());
        return new Message(preview.summary(), blocks);
    }

    static String removed(ContactMasker.Masked masked) {
        List<String> parts = new ArrayList<>();
        if (masked.emails() > 0) {
            parts.add(masked.emails() == 1 ? "1 email address" : masked.emails() + " email addresses");
        }
        if (masked.phones() > 0) {
            parts.add(masked.phones() == 1 ? "1 phone number" : masked.phones() + " phone numbers");
        }
        return "I removed " + String.join(" and ", parts);
    }

    private Outcome edit(Actor actor, CustomerVoice draft) {
        List<FrontLineTouchpoints.Owned> at = frontLine.ownedBy(actor.tenant(), actor.person()).stream()
                .filter(o -> o.journey().id().equals(draft.journey()) && o.touchpoint().id().equals(draft.touchpoint()))
                .toList();
        if (at.isEmpty()) {
            throw new Refusal("You are no longer on the front line of " + draft.moment() + ".");
        }
        return Outcome.reply(new Reply.OpenForm(form(at, draft)));
    }

    private Outcome send(Actor actor, CustomerVoice draft) {
        TenantId tenant = actor.tenant();
        FrontLineTouchpoints.Owned at = frontLine.ownedBy(tenant, actor.person()).stream()
                .filter(o -> o.journey().id().equals(draft.journey()) && o.touchpoint().id().equals(draft.touchpoint()))
                .findFirst().orElseThrow(() -> new Refusal("You are no longer on the front line of " + draft.moment()
                        + ", so these words were not sent."));
        if (at.suppliers().isEmpty()) {
            throw new Refusal("Nobody hands work to you for " + draft.moment() + " any more, so there is no one to "
                    + "pass it to.");
        }
        Person sender = person(tenant, actor.person());
        List<Notification> notes = relay.relayVoice(tenant, sender, at.suppliers(), voiceOf(draft), draft.id(),
                clock.instant());
        List<PersonId> to = at.suppliers().stream().map(RelayedStories.Supplier::person).toList();
        if (!voices.markSent(tenant, draft, to, clock.instant())) {
            return Outcome.show(Message.text("These words were already sent."));
        }
        List<String> names = to.stream().map(p -> graph.person(tenant, p).map(Names::first).orElse(p.value()))
                .toList();
        log.info("customer voice {} sent in tenant {} to {} suppliers", draft.id(), tenant, to.size());
        return new Outcome(new Reply.Show(Message.text("Sent to " + JourneyConversation.inWords(names)
                + ". You will hear here when they react.")), notes, true);
    }

    private static RelayedStories.Voice voiceOf(CustomerVoice voice) {
        return new RelayedStories.Voice(voice.words(), voice.moment(), voice.anonymous());
    }

    private CustomerVoice draftOf(Actor actor, String id) {
        CustomerVoice voice = voices.voice(actor.tenant(), id).orElseThrow(() -> new Refusal(
                "Those words are no longer here (drafts are kept for " + VoiceStore.DRAFT_TTL.toDays() + " days)."));
        if (!voice.sender().equals(actor.person())) {
            throw new Refusal("Those words are not yours to send.");
        }
        if (voice.sent()) {
            throw new Refusal("These words were already sent.");
        }
        return voice;
    }

    private Person person(TenantId tenant, PersonId id) {
        return graph.person(tenant, id).orElseThrow(() -> new Refusal("That person is no longer here."));
    }

    private static String key(FrontLineTouchpoints.Owned owned) {
        return owned.journey().id().value() + "|" + owned.touchpoint().id().value();
    }

    /** The form: the touchpoint (a choice only when there are several), the words, named or anonymous. */
    static Form form(List<FrontLineTouchpoints.Owned> owned, CustomerVoice draft) {
        List<Field> fields = new ArrayList<>();
        String state;
        if (owned.size() == 1) {
            FrontLineTouchpoints.Owned only = owned.get(0);
            fields.add(new Field.Note("where", Paragraph.builder().plain("A customer's words from ")
                    .strong(only.touchpoint().name()).plain(" (" + only.journey().name() + ") go to "
                            + suppliersInWords(only) + ".").build()));
            state = key(only) + "|" + (draft == null ? "" : draft.id());
        } else {
            List<Field.Option> options = owned.stream().map(o -> new Field.Option(o.touchpoint().name() + " ("
                    + o.journey().name() + ")", key(o))).toList();
            fields.add(new Field.Choice("touchpoint", "Where did you hear it?", false, options,
                    draft == null ? null : draft.journey().value() + "|" + draft.touchpoint().value()));
            state = "||" + (draft == null ? "" : draft.id());
        }
        fields.add(new Field.TextInput("words", "The customer's words (type or paste, up to "
                + CustomerVoice.MAX_WORDS + " characters)", false, CustomerVoice.MAX_WORDS, true,
                draft == null ? null : draft.words(), "What the customer said, in their words."));
        fields.add(new Field.Note("privacy", Paragraph.of("Emails and phone numbers are removed before anyone "
                + "sees it, you included. You see exactly what is sent before it goes.")));
        fields.add(new Field.Choice("as", "Send it", false, List.of(new Field.Option("with my name", NAMED),
                new Field.Option("anonymously", ANONYMOUS)), draft != null && draft.anonymous() ? ANONYMOUS : NAMED));
        return new Form(FORM, "A customer's words", "Preview", state, fields);
    }

    private static String suppliersInWords(FrontLineTouchpoints.Owned owned) {
        if (owned.suppliers().isEmpty()) {
            return "nobody yet: nobody hands work to you for it";
        }
        return "the people who hand you their work for it: " + JourneyConversation.inWords(owned.supplierNames());
    }
}
