package io.handoff.empathy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Action;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Divider;
import io.handoff.chat.Field;
import io.handoff.chat.GroupChat;
import io.handoff.chat.GroupChats;
import io.handoff.chat.Interaction;
import io.handoff.chat.Link;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
import io.handoff.friction.FrictionFixture;
import io.handoff.graph.Criticality;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;

class StoryFeatureTest {
    private final FrictionFixture f = new FrictionFixture();
    private final StoryStore stories = new StoryStore(f.redis);
    private final StoryPrompts prompts = new StoryPrompts(f.graph, stories, f.clock);
    private final RecordingChannels channels = new RecordingChannels(TeamId.of("preload"));
    private final StoryFeature feature = new StoryFeature(f.graph, stories, prompts, f.engagement, channels, f.clock);

    StoryFeatureTest() {
        f.confirmed("ana", "d1", "loaded trucks", Criticality.CRITICAL);
    }

    private Outcome submit(String teller, String state, String text, String shapes, String as, String share) {
        Map<String, List<String>> values = new HashMap<>();
        values.put("text", List.of(text));
        values.put("shapes", shapes == null ? List.of() : List.of(shapes));
        values.put("as", List.of(as));
        values.put("share", List.of(share));
        return feature.onForm(new Interaction.FormSubmitted(f.actor(teller), StoryMessages.FORM, state, values));
    }

    private Outcome press(String who, Action action) {
        return feature.onButton(new Interaction.ButtonPressed(f.actor(who), action));
    }

    private static Action button(Message message, String actionId) {
        return buttons(message).stream().map(Button::action).filter(a -> a.id().equals(actionId)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + actionId + " in " + message));
    }

    private static List<Button> buttons(Message message) {
        List<Button> all = new ArrayList<>();
        message.blocks().stream().filter(b -> b instanceof Buttons).forEach(b -> all.addAll(((Buttons) b).buttons()));
        return all;
    }

    private static Message shown(Outcome outcome) {
        if (outcome.reply() instanceof Reply.Show show) {
            return show.message();
        }
        if (outcome.reply() instanceof Reply.CloseForm close) {
            return close.message();
        }
        throw new AssertionError("expected a message, got " + outcome.reply());
    }

    private Message preview(String teller, String as) {
        Outcome submitted = submit(teller, "ana", "Good day: the truck is loaded in drop order. Bad day: I re-sort "
                + "forty parcels in the yard before I can leave.", "4", as, "no");
        assertThat(submitted.notifications()).isEmpty();
        return shown(submitted);
    }

    /** The story blocks of a message: everything from the heading to before the next divider or button row. */
    private static List<Block> storyBlocks(Message message) {
        List<Block> blocks = message.blocks();
        int start = 0;
        while (!(blocks.get(start) instanceof io.handoff.chat.Heading)) {
            start++;
        }
        int end = start;
        while (end < blocks.size() && !(blocks.get(end) instanceof Divider) && !(blocks.get(end) instanceof Buttons)) {
            end++;
        }
        return blocks.subList(start, end);
    }

    @Test
    void aStoryIsRelayedOnlyWhenItsTellerConfirmsThePreview() {
        Outcome opened = press("d1", new Action(StoryMessages.START, "ana"));
        assertThat(opened.reply()).isInstanceOf(Reply.OpenForm.class);
        assertThat(((Reply.OpenForm) opened.reply()).form().fields()).anySatisfy(field ->
                assertThat(field).isInstanceOfSatisfying(Field.TextInput.class, t -> assertThat(t.maxLength()).isEqualTo(600)));

        Message preview = preview("d1", StoryMessages.NAMED);
        assertThat(preview.toString()).contains("exactly what Ana will see", "re-sort forty parcels");
        assertThat(stories.told(f.tenant)).isEmpty();

        Outcome sent = press("d1", button(preview, StoryMessages.SEND));

        assertThat(sent.notifications()).hasSize(1);
        Notification relay = sent.notifications().get(0);
        assertThat(relay.to()).isEqualTo(PersonId.of("ana"));
        assertThat(storyBlocks(relay.message())).isEqualTo(storyBlocks(preview));
        assertThat(relay.message().toString()).contains("Driver Number1", "loaded trucks", "4 of 5");
        assertThat(stories.told(f.tenant)).containsEntry("ana>d1", 1);

        Outcome again = press("d1", button(preview, StoryMessages.SEND));
        assertThat(again.notifications()).isEmpty();
        assertThat(shown(again).summary()).contains("already sent");
    }

    @Test
    void aDiscardedStoryIsNeverSent() {
        Message preview = preview("d1", StoryMessages.NAMED);

        Outcome discarded = press("d1", button(preview, StoryMessages.DISCARD));
        Outcome sendAfter = press("d1", button(preview, StoryMessages.SEND));

        assertThat(discarded.notifications()).isEmpty();
        assertThat(shown(discarded).summary()).isEqualTo("Discarded. Nothing was sent.");
        assertThat(sendAfter.notifications()).isEmpty();
        assertThat(stories.toldBy(f.tenant, PersonId.of("d1"))).isEmpty();
        assertThat(f.keys()).noneMatch(key -> key.contains(":story:"));
    }

    @Test
    void editingReopensTheDraftAndOnlyTheNewTextIsSent() {
        Message preview = preview("d1", StoryMessages.NAMED);
        Outcome edit = press("d1", button(preview, StoryMessages.EDIT));
        var form = ((Reply.OpenForm) edit.reply()).form();
        assertThat(form.fields()).anySatisfy(field -> assertThat(field).isInstanceOfSatisfying(Field.TextInput.class,
                t -> assertThat(t.initial()).contains("forty parcels")));

        Message second = shown(submit("d1", form.state(), "Shorter: drop order saves me an hour.", "", "named", "no"));
        Outcome sent = press("d1", button(second, StoryMessages.SEND));

        assertThat(button(second, StoryMessages.SEND)).isEqualTo(button(preview, StoryMessages.SEND));
        assertThat(sent.notifications()).singleElement().satisfies(n ->
                assertThat(n.message().toString()).contains("drop order saves me an hour").doesNotContain("forty"));
        assertThat(stories.toldBy(f.tenant, PersonId.of("d1"))).hasSize(1);
    }

    @Test
    void anAnonymousStoryCarriesNoNameNoIdAndNoTeamOfItsTeller() {
        Message preview = preview("d1", StoryMessages.ANONYMOUS);
        Notification relay = press("d1", button(preview, StoryMessages.SEND)).notifications().get(0);

        String everything = relay.message().toString() + " " + relay.key();
        assertThat(everything).contains("One of your internal customers", "forty parcels");
        assertThat(everything).doesNotContain("d1", "Driver", "Number1", "drivers", "Delivery");
        for (Button b : buttons(relay.message())) {
            assertThat(b.action().value()).doesNotContain("d1");
        }
        assertThat(storyBlocks(relay.message())).isEqualTo(storyBlocks(preview));
    }

    @Test
    void theFormWarnsWhenTheUpstreamHandsThisToNobodyElse() {
        var alone = ((Reply.OpenForm) press("d1", new Action(StoryMessages.START, "ana")).reply()).form();
        f.confirmed("ana", "d2", "Loaded Trucks", Criticality.CRITICAL);
        var shared = ((Reply.OpenForm) press("d1", new Action(StoryMessages.START, "ana")).reply()).form();

        assertThat(alone.fields()).extracting(Field::id).contains("thin", "share");
        assertThat(shared.fields()).extracting(Field::id).doesNotContain("thin");
    }

    @Test
    void reactionsAreStoredAndShownToTheTeller() {
        Notification relay = press("d1", button(preview("d1", StoryMessages.NAMED), StoryMessages.SEND))
                .notifications().get(0);
        Action didntKnow = buttons(relay.message()).stream().map(Button::action)
                .filter(a -> a.value().endsWith(":didnt-know")).findFirst().orElseThrow();

        Outcome byBob = press("bob", didntKnow);
        Outcome reacted = press("ana", didntKnow);
        Outcome twice = press("ana", didntKnow);

        assertThat(byBob.notifications()).isEmpty();
        assertThat(reacted.notifications()).singleElement().satisfies(n -> {
            assertThat(n.to()).isEqualTo(PersonId.of("d1"));
            assertThat(n.message().summary()).isEqualTo(
                    "Ana read your story about their loaded trucks and said: I didn't know this.");
        });
        assertThat(twice.notifications()).isEmpty();
        Story stored = stories.toldBy(f.tenant, PersonId.of("d1")).get(0);
        assertThat(stored.reactions()).containsOnlyKeys(Reaction.DIDNT_KNOW);
        String home = feature.homeSection(f.actor("d1")).toString();
        assertThat(home).contains("Your stories", "To Ana about their loaded trucks", "Ana said \"I didn't know this\"");
    }

    @Test
    void aStoryToSomeoneWhoIsNoLongerOnHandoffDoesNotSayTheyLeft() {
        press("d1", button(preview("d1", StoryMessages.NAMED), StoryMessages.SEND));
        f.graph.deletePerson(f.tenant, PersonId.of("ana"));

        String home = feature.homeSection(f.actor("d1")).toString();

        assertThat(home).contains("To a colleague who is no longer on Handoff about their loaded trucks")
                .doesNotContain("has left");
    }

    @Test
    void letsTalkNotifiesBothSidesOfANamedStory() {
        Notification relay = press("d1", button(preview("d1", StoryMessages.NAMED), StoryMessages.SEND))
                .notifications().get(0);
        Action talk = reaction(relay, Reaction.LETS_TALK);

        List<Notification> notes = press("ana", talk).notifications();

        assertThat(notes).extracting(Notification::to).containsExactlyInAnyOrder(
                PersonId.of("d1"), PersonId.of("d1"), PersonId.of("ana"));
        assertThat(notes).filteredOn(n -> n.to().equals(PersonId.of("ana"))).singleElement()
                .satisfies(n -> assertThat(n.message().summary()).startsWith("You and Driver Number1 would like to talk"));
        assertThat(stories.talk(f.tenant, stories.toldBy(f.tenant, PersonId.of("d1")).get(0).id())).hasValue("notes");
    }

    @Test
    void letsTalkOnAnAnonymousStoryAsksTheTellerFirstAndNamesThemOnlyIfTheyAgree() {
        Notification relay = press("d1", button(preview("d1", StoryMessages.ANONYMOUS), StoryMessages.SEND))
                .notifications().get(0);

        Outcome talk = press("ana", reaction(relay, Reaction.LETS_TALK));
        assertThat(talk.notifications()).singleElement().satisfies(n -> assertThat(n.to()).isEqualTo(PersonId.of("d1")));
        assertThat(shown(talk).toString()).doesNotContain("Driver", "d1");

        Outcome reveal = press("d1", button(talk.notifications().get(0).message(), StoryMessages.REVEAL));
        assertThat(reveal.notifications()).extracting(Notification::to)
                .containsExactlyInAnyOrder(PersonId.of("d1"), PersonId.of("ana"));
        assertThat(reveal.notifications()).filteredOn(n -> n.to().equals(PersonId.of("ana"))).singleElement()
                .satisfies(n -> assertThat(n.message().summary()).contains("Driver Number1"));
    }

    @Test
    void letsTalkOpensAGroupChatOfTheTwoInsteadOfNotes() {
        RecordingGroupChats chats = new RecordingGroupChats(new GroupChat.Opened(Platform.SLACK,
                Optional.of(URI.create("https://slack.com/app_redirect?channel=G1")), false));
        StoryFeature withChats = new StoryFeature(f.graph, stories, prompts, f.engagement, channels, chats, f.clock);
        Notification relay = press("d1", button(preview("d1", StoryMessages.NAMED), StoryMessages.SEND))
                .notifications().get(0);
        String id = stories.toldBy(f.tenant, PersonId.of("d1")).get(0).id();

        Outcome talk = withChats.onButton(new Interaction.ButtonPressed(f.actor("ana"), reaction(relay, Reaction.LETS_TALK)));

        assertThat(chats.calls).singleElement().satisfies(call -> {
            assertThat(call.first().id()).isEqualTo(PersonId.of("ana"));
            assertThat(call.second().id()).isEqualTo(PersonId.of("d1"));
            assertThat(call.key()).isEqualTo("story-talk:" + id);
            assertThat(call.opening().toString()).contains("loaded trucks", "re-sort forty parcels",
                    "Ana Silva read Driver Number1's story");
        });
        assertThat(shown(talk).summary()).isEqualTo("I opened a group DM with you, Driver and me. Say hello there.");
        assertThat(shown(talk).blocks()).contains(new Link("Open the group DM",
                URI.create("https://slack.com/app_redirect?channel=G1")));
        assertThat(talk.notifications()).singleElement().satisfies(n -> {
            assertThat(n.to()).isEqualTo(PersonId.of("d1"));
            assertThat(n.message().summary()).contains("would like to talk");
        });
        assertThat(stories.talk(f.tenant, id)).hasValue("chat:slack");
    }

    @Test
    void letsTalkWhileTheChatOpensInTheBackgroundAnswersAtOnceAndHandsOverTheNotes() {
        RecordingGroupChats chats = new RecordingGroupChats(new GroupChat.Opening(Platform.SLACK));
        StoryFeature withChats = new StoryFeature(f.graph, stories, prompts, f.engagement, channels, chats, f.clock);
        Notification relay = press("d1", button(preview("d1", StoryMessages.NAMED), StoryMessages.SEND))
                .notifications().get(0);
        String id = stories.toldBy(f.tenant, PersonId.of("d1")).get(0).id();

        Outcome talk = withChats.onButton(new Interaction.ButtonPressed(f.actor("ana"), reaction(relay, Reaction.LETS_TALK)));

        assertThat(shown(talk).summary()).isEqualTo("I'm opening a group DM with you, Driver and me \u2014 it will"
                + " appear in your Slack sidebar in a moment.");
        assertThat(shown(talk).blocks()).noneMatch(Link.class::isInstance);
        // only the reaction notice now; the notes go with the call, for the platform to deliver should it fail
        assertThat(talk.notifications()).singleElement().satisfies(n ->
                assertThat(n.message().summary()).doesNotStartWith("You and"));
        assertThat(chats.calls).singleElement().satisfies(call -> {
            assertThat(call.fallback()).extracting(Notification::key)
                    .containsExactly("story-talk:" + id + ":t", "story-talk:" + id + ":u");
            assertThat(call.fallback()).extracting(Notification::to)
                    .containsExactly(PersonId.of("d1"), PersonId.of("ana"));
            assertThat(call.fallback()).allSatisfy(n ->
                    assertThat(n.message().summary()).startsWith("You and").contains("would like to talk"));
        });
        // nothing is posted yet: the story says so until the platform tells how it ended
        assertThat(stories.talk(f.tenant, id)).hasValue("opening");
        chats.calls.get(0).settled().settled(new GroupChat.Opened(Platform.SLACK, Optional.empty(), false));
        assertThat(stories.talk(f.tenant, id)).hasValue("chat:slack");
    }

    @Test
    void aChatThatFailsInTheBackgroundLeavesTheStorySayingNotes() {
        RecordingGroupChats chats = new RecordingGroupChats(new GroupChat.Opening(Platform.SLACK));
        StoryFeature withChats = new StoryFeature(f.graph, stories, prompts, f.engagement, channels, chats, f.clock);
        Notification relay = press("d1", button(preview("d1", StoryMessages.NAMED), StoryMessages.SEND))
                .notifications().get(0);
        String id = stories.toldBy(f.tenant, PersonId.of("d1")).get(0).id();
        withChats.onButton(new Interaction.ButtonPressed(f.actor("ana"), reaction(relay, Reaction.LETS_TALK)));

        chats.calls.get(0).settled().settled(new GroupChat.NotPossible("slack: cannot_dm_bot"));

        assertThat(stories.talk(f.tenant, id)).hasValue("notes");
    }

    @Test
    void letsTalkWherePeopleStartTheChatDeliversTheInvitations() {
        Notification invitation = new Notification(PersonId.of("d1"), Message.text("Open a chat with Ana"), "inv:1");
        RecordingGroupChats chats = new RecordingGroupChats(new GroupChat.Invited(Platform.TEAMS, List.of(invitation)));
        StoryFeature withChats = new StoryFeature(f.graph, stories, prompts, f.engagement, channels, chats, f.clock);
        Notification relay = press("d1", button(preview("d1", StoryMessages.NAMED), StoryMessages.SEND))
                .notifications().get(0);

        Outcome talk = withChats.onButton(new Interaction.ButtonPressed(f.actor("ana"), reaction(relay, Reaction.LETS_TALK)));

        assertThat(shown(talk).summary()).isEqualTo("Both of you have a link to start a chat with each other.");
        assertThat(talk.notifications()).contains(invitation).hasSize(2);
        assertThat(talk.notifications()).noneMatch(n -> n.message().summary().startsWith("You and"));
    }

    @Test
    void anAnonymousTellersGroupChatOpensOnlyWhenTheyChooseToTalk() {
        RecordingGroupChats chats = new RecordingGroupChats(new GroupChat.Opened(Platform.SLACK, Optional.empty(),
                false));
        StoryFeature withChats = new StoryFeature(f.graph, stories, prompts, f.engagement, channels, chats, f.clock);
        Notification relay = withChats.onButton(new Interaction.ButtonPressed(f.actor("d1"),
                button(preview("d1", StoryMessages.ANONYMOUS), StoryMessages.SEND))).notifications().get(0);

        Outcome talk = withChats.onButton(new Interaction.ButtonPressed(f.actor("ana"), reaction(relay, Reaction.LETS_TALK)));
        assertThat(chats.calls).isEmpty();

        Outcome reveal = withChats.onButton(new Interaction.ButtonPressed(f.actor("d1"),
                button(talk.notifications().get(0).message(), StoryMessages.REVEAL)));

        assertThat(chats.calls).singleElement().satisfies(call ->
                assertThat(call.opening().toString()).contains("Driver Number1"));
        assertThat(shown(reveal).summary()).isEqualTo(
                "Ana now knows the story is yours. I opened a group DM with you, Ana and me. Say hello there.");
        assertThat(reveal.notifications()).isEmpty();
    }

    /** Group chats for the test: answers one result and keeps every request. */
    private static final class RecordingGroupChats implements GroupChats {
        record Call(Person first, Person second, Message opening, String key, List<Notification> fallback,
                    Settled settled) {
        }

        private final GroupChat result;
        final List<Call> calls = new ArrayList<>();

        RecordingGroupChats(GroupChat result) {
            this.result = result;
        }

        @Override
        public GroupChat open(TenantId tenant, Person first, Person second, Message opening, String key,
                              List<Notification> fallback, Settled settled) {
            calls.add(new Call(first, second, opening, key, fallback, settled));
            return result;
        }
    }

    @Test
    void shadowingIsRequestedThenADateIsProposedAndConfirmedByTheOtherSide() {
        Notification relay = press("d1", button(preview("d1", StoryMessages.NAMED), StoryMessages.SEND))
                .notifications().get(0);
        Outcome asked = press("ana", reaction(relay, Reaction.SHADOW));
        Message toTeller = asked.notifications().get(0).message();
        String id = stories.toldBy(f.tenant, PersonId.of("d1")).get(0).id();
        assertThat(stories.story(f.tenant, id).orElseThrow().shadowing().state()).isEqualTo(Shadowing.State.REQUESTED);

        assertThat(press("ana", new Action(StoryMessages.PROPOSE, id)).reply()).isInstanceOf(Reply.Show.class);
        var form = ((Reply.OpenForm) press("d1", button(toTeller, StoryMessages.PROPOSE)).reply()).form();
        Outcome past = shadowDate("d1", form.state(), "2426-11-01");
        Outcome garbled = shadowDate("d1", form.state(), "next tuesday");
        Outcome proposed = shadowDate("d1", form.state(), "2426-12-03");

        assertThat(past.reply()).isInstanceOf(Reply.FormErrors.class);
        assertThat(garbled.reply()).isInstanceOf(Reply.FormErrors.class);
        Notification proposal = proposed.notifications().get(0);
        assertThat(proposal.to()).isEqualTo(PersonId.of("ana"));
        assertThat(proposal.message().summary()).isEqualTo(
                "Driver Number1 proposes 2426-12-03 for you to shadow their shift (loaded trucks).");
        assertThat(press("d1", button(proposal.message(), StoryMessages.CONFIRM)).notifications()).isEmpty();

        Outcome confirmed = press("ana", button(proposal.message(), StoryMessages.CONFIRM));

        assertThat(confirmed.notifications()).singleElement().satisfies(n -> {
            assertThat(n.to()).isEqualTo(PersonId.of("d1"));
            assertThat(n.message().summary()).isEqualTo(
                    "Shadowing confirmed: Ana Silva shadows Driver Number1's shift on 2426-12-03 (loaded trucks).");
        });
        Shadowing stored = stories.story(f.tenant, id).orElseThrow().shadowing();
        assertThat(stored.state()).isEqualTo(Shadowing.State.CONFIRMED);
        assertThat(stored.date()).hasToString("2426-12-03");
        assertThat(feature.homeSection(f.actor("d1")).toString()).contains("shadowing confirmed for 2426-12-03");
    }

    @Test
    void rotationAsksAboutUncoveredCriticalHandoffsFirst() {
        f.confirmed("bob", "d1", "pallets", Criticality.ROUTINE);
        f.confirmed("lee", "d1", "rota", Criticality.IMPORTANT);
        f.confirmed("ravi", "d1", "fuel cards", Criticality.CRITICAL);
        f.person("sam", "Sam Reyes", "preload");

        assertThat(upstreams()).containsExactly("ana", "ravi", "lee", "bob");
        press("d1", button(preview("d1", StoryMessages.NAMED), StoryMessages.SEND));
        assertThat(upstreams()).containsExactly("ravi", "lee", "bob", "ana");

        Notification prompt = prompts.nextPrompt(f.tenant, PersonId.of("d1")).orElseThrow();
        assertThat(prompt.message().summary()).isEqualTo("Walk Ravi through the moment you receive their fuel cards."
                + " What does a good day look like? What happens on a bad one?");
        // among handoffs of the same rank, the one asked about longest ago comes first
        f.confirmed("sam", "d1", "route sheets", Criticality.ROUTINE);
        f.clock.advance(Duration.ofHours(1));
        press("d1", new Action(StoryMessages.SKIP, "bob"));
        assertThat(upstreams()).containsExactly("ravi", "lee", "sam", "bob", "ana");
    }

    @Test
    void aSharedStoryGoesToTheUpstreamTeamsChannelOnlyWhenSent() {
        Message preview = shown(submit("d1", "ana", "The morning goes well when the truck is ready.", "", "anonymous", "yes"));
        assertThat(channels.posts).isEmpty();
        assertThat(preview.toString()).contains("also be posted in the channel of Pre-load");

        press("d1", button(preview, StoryMessages.SEND));

        assertThat(channels.posts).singleElement().satisfies(post -> {
            assertThat(post.team()).isEqualTo(TeamId.of("preload"));
            assertThat(post.message().toString()).contains("One of Ana's internal customers").doesNotContain("Driver", "d1");
        });
    }

    @Test
    void badFormInputIsRefusedWithClearErrorsAndNothingSaved() {
        Outcome blank = submit("d1", "ana", "   ", "", "named", "no");
        Outcome tooLong = submit("d1", "ana", "x".repeat(601), "9", "maybe", "no");
        Outcome notTheirEdge = submit("d2", "ana", "hello", "", "named", "no");

        assertThat(((Reply.FormErrors) blank.reply()).errors()).containsKey("text");
        assertThat(((Reply.FormErrors) tooLong.reply()).errors()).containsKeys("text", "shapes", "as");
        assertThat(shown(notTheirEdge).summary()).isEqualTo("That handoff is no longer on your map.");
        assertThat(stories.toldBy(f.tenant, PersonId.of("d1"))).isEmpty();
    }

    @Test
    void forgettingATellerDeletesTheirStories() {
        press("d1", button(preview("d1", StoryMessages.NAMED), StoryMessages.SEND));
        preview("d1", StoryMessages.ANONYMOUS);
        assertThat(stories.toldBy(f.tenant, PersonId.of("d1"))).hasSize(2);

        assertThat(stories.forget(f.tenant, PersonId.of("d1"))).isEqualTo(2);

        assertThat(stories.toldBy(f.tenant, PersonId.of("d1"))).isEmpty();
        assertThat(stories.receivedBy(f.tenant, PersonId.of("ana"))).isEmpty();
        assertThat(f.keys()).noneMatch(key -> key.contains(":story:") || key.contains("teller:d1"));
        assertThat(stories.told(f.tenant)).containsEntry("ana>d1", 1);
    }

    private Outcome shadowDate(String who, String state, String date) {
        return feature.onForm(new Interaction.FormSubmitted(f.actor(who), StoryMessages.SHADOW_FORM, state,
                Map.of("date", List.of(date))));
    }

    private static Action reaction(Notification relay, Reaction reaction) {
        return buttons(relay.message()).stream().map(Button::action)
                .filter(a -> a.value().endsWith(":" + reaction.code())).findFirst().orElseThrow();
    }

    private List<String> upstreams() {
        return prompts.rotation(f.tenant, PersonId.of("d1")).stream().map(e -> e.upstream().value()).toList();
    }

    static String text(Paragraph p) {
        return p.plainText();
    }
    private Outcome storyCommand(String teller, String args) {
        return feature.onCommand(f.actor(teller), "story", args);
    }

    private static String opensFormFor(Outcome outcome) {
        assertThat(outcome.reply()).isInstanceOf(Reply.OpenForm.class);
        return ((Reply.OpenForm) outcome.reply()).form().state();
    }

    @Test
    void storyNamingASupplierOpensTheFormForThatSupplierNotTheFirstInTheRotation() {
        f.confirmed("bob", "d1", "sorted cages", Criticality.ROUTINE);
        f.confirmed("lee", "d1", "route sheets", Criticality.IMPORTANT);
        assertThat(opensFormFor(storyCommand("d1", "bob"))).isEqualTo("bob");
        assertThat(opensFormFor(storyCommand("d1", "@lee"))).isEqualTo("lee");
        assertThat(opensFormFor(storyCommand("d1", "Lee Marsh"))).isEqualTo("lee");
        assertThat(opensFormFor(storyCommand("d1", "  BOB "))).isEqualTo("bob");
        assertThat(opensFormFor(storyCommand("d1", "ana"))).isEqualTo("ana");
    }

    @Test
    void storyWithSeveralSuppliersAndNoNameOffersAPickerOfAllOfThem() {
        f.confirmed("bob", "d1", "sorted cages", Criticality.ROUTINE);
        Message picker = shown(storyCommand("d1", ""));
        assertThat(buttons(picker)).extracting(b -> b.action().id()).containsOnly(StoryMessages.START);
        assertThat(buttons(picker)).extracting(b -> b.action().value()).containsExactlyInAnyOrder("ana", "bob");
        assertThat(buttons(picker)).extracting(Button::label)
                .contains("Ana Silva (loaded trucks)", "Bob Stone (sorted cages)");
        assertThat(opensFormFor(press("d1", button(picker, StoryMessages.START)))).isIn("ana", "bob");
    }

    @Test
    void storyWithOneSupplierOpensItsFormDirectly() {
        assertThat(opensFormFor(storyCommand("d1", null))).isEqualTo("ana");
    }

    @Test
    void storyNamingSomeoneWhoIsNotASupplierSaysSoAndOffersTheSuppliersInstead() {
        f.confirmed("bob", "d1", "sorted cages", Criticality.ROUTINE);
        Message answer = shown(storyCommand("d1", "ravi"));
        assertThat(answer.summary()).contains("'ravi' is not one of the people whose work you depend on");
        assertThat(buttons(answer)).extracting(b -> b.action().value()).containsExactlyInAnyOrder("ana", "bob");
    }

    @Test
    void storyNamingTwoSuppliersWithTheSameFirstNameAsksWhichOne() {
        f.person("ana2", "Ana Costa", "preload");
        f.confirmed("ana2", "d1", "spare scanners", Criticality.ROUTINE);
        f.confirmed("bob", "d1", "sorted cages", Criticality.ROUTINE);
        Message answer = shown(storyCommand("d1", "ana"));
        assertThat(answer.summary()).contains("More than one of your suppliers is called 'ana'");
        assertThat(buttons(answer)).extracting(b -> b.action().value()).containsExactlyInAnyOrder("ana", "ana2");
    }

    @Test
    void storyWithoutSuppliersSaysWhatToDoFirst() {
        assertThat(shown(storyCommand("ravi", "ana")).summary()).contains("You have no suppliers on your map yet");
    }
}
