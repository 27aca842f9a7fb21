package io.handoff.empathy;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.conversation.ConversationFeature;
import io.handoff.chat.GroupChats;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.nudge.Engagement;
import io.handoff.chat.port.TeamChannels;
import io.handoff.graph.GraphStore;

/**
 * Day-in-the-life stories in the conversation: routes the {@code story [person]} command ({@link StoryAddressee}: that supplier, or a
 * picker), the story buttons and forms to the
 * use case that owns them. A downstream person tells a story about one upstream handoff ({@link TellStory}: a draft,
 * shown back as a preview with Send, Edit and Discard; only Send relays it); the upstream reacts
 * ({@link ReactToStory}); "Let's talk" opens a group chat of the two where the platform allows, else each gets a note
 * ({@link LetsTalk}); a shadowing date is proposed and confirmed ({@link ShadowShift}); the teller sees the reactions
 * at home ({@link StoryHome}). An anonymous teller stays anonymous unless they choose to talk or to agree a shadowing
 * date. A {@link StoryException} from a use case is shown to the person as is.
 */
final class StoryFeature implements ConversationFeature {
    private final StoryAccess access;
    private final StoryAddressee addressee;
    private final TellStory tell;
    private final ReactToStory react;
    private final LetsTalk letsTalk;
    private final ShadowShift shadow;
    private final StoryHome home;

    /** Without group chats: "Let's talk" always sends each of the two a note. */
    public StoryFeature(GraphStore graph, StoryStore stories, StoryPrompts prompts, Engagement engagement,
                        TeamChannels channels, Clock clock) {
        this(graph, stories, prompts, engagement, channels, GroupChats.NONE, clock);
    }

    public StoryFeature(GraphStore graph, StoryStore stories, StoryPrompts prompts, Engagement engagement,
                        TeamChannels channels, GroupChats groupChats, Clock clock) {
        this.access = new StoryAccess(graph, stories, channels);
        this.tell = new TellStory(graph, stories, engagement, channels, clock, access);
        this.addressee = new StoryAddressee(graph, Objects.requireNonNull(prompts), tell);
        this.letsTalk = new LetsTalk(stories, Objects.requireNonNull(groupChats), access);
        this.react = new ReactToStory(stories, clock, access, letsTalk);
        this.shadow = new ShadowShift(stories, clock, access);
        this.home = new StoryHome(graph, stories);
    }

    @Override
    public String prefix() {
        return "story.";
    }

    @Override
    public List<CommandHelp> commands() {
        return List.of(new CommandHelp("story", "story [person]",
                "tell one of your suppliers (e.g. 'story pat') what a good and a bad day look like at your end of "
                        + "their handoff"));
    }

    @Override
    public Outcome onCommand(Actor actor, String word, String args) {
        return addressee.open(actor, args);
    }

    @Override
    public Outcome onButton(Interaction.ButtonPressed pressed) {
        Actor actor = pressed.actor();
        Action action = pressed.action();
        try {
            return switch (action.id()) {
                case StoryMessages.START -> tell.openStoryForm(actor, StoryAccess.personId(action.value()));
                case StoryMessages.SKIP -> tell.skip(actor, StoryAccess.personId(action.value()));
                case StoryMessages.SEND -> tell.send(actor, access.draftOf(actor, action.value()));
                case StoryMessages.EDIT -> tell.edit(actor, access.draftOf(actor, action.value()));
                case StoryMessages.DISCARD -> tell.discard(actor, access.draftOf(actor, action.value()));
                case StoryMessages.REACT -> react.react(actor, action.value());
                case StoryMessages.REVEAL -> letsTalk.reveal(actor, action.value());
                case StoryMessages.PROPOSE -> shadow.openShadowForm(actor, action.value());
                case StoryMessages.CONFIRM -> shadow.confirmShadowing(actor, action.value());
                default -> Outcome.show(Message.text("That button is no longer in use."));
            };
        } catch (StoryException e) {
            return Outcome.show(Message.text(e.getMessage()));
        }
    }

    @Override
    public Outcome onForm(Interaction.FormSubmitted submitted) {
        try {
            return switch (submitted.formId()) {
                case StoryMessages.FORM -> tell.submitStory(submitted);
                case StoryMessages.SHADOW_FORM -> shadow.submitShadowDate(submitted);
                default -> Outcome.reply(new Reply.CloseForm(Message.text("This form is no longer in use.")));
            };
        } catch (StoryException e) {
            return Outcome.reply(new Reply.CloseForm(Message.text(e.getMessage())));
        }
    }

    @Override
    public List<Block> homeSection(Actor actor) {
        return home.homeSection(actor);
    }
}
