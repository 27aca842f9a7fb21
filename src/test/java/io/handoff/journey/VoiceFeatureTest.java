package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Action;
import io.handoff.chat.Buttons;
import io.handoff.chat.Field;
import io.handoff.chat.Form;
import io.handoff.chat.GroupChats;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.chat.port.TeamChannels;
import io.handoff.empathy.RelayedStories;
import io.handoff.empathy.StoryStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;

/**
 * {@code voice} on the demo: who may send (the front line only), where it goes (the sender's direct suppliers behind
 * the touchpoint), the touchpoint choice only when there are several, masking before the draft is stored, an
 * anonymous voice naming nobody, Send once, and the voice in the sender's my-data and forget-me.
 */
class VoiceFeatureTest {
    private final JourneyChatFixture f = new JourneyChatFixture();
    private final StoryStore stories = new StoryStore(f.redis);
    private final VoiceStore voices = new VoiceStore(f.redis);
    private final FrontLineTouchpoints frontLine = new FrontLineTouchpoints(f.journeys, f.queries);
    private final VoiceFeature feature = new VoiceFeature(f.graph, frontLine, voices,
            new RelayedStories(f.graph, stories, TeamChannels.NONE, GroupChats.NONE), f.clock);

    @Test
    void theFrontLineOfATouchpointPassesWordsToTheirDirectSuppliersBehindIt() {
        var owned = frontLine.ownedBy(f.tenant, PersonId.of("dana"));
        assertThat(owned).extracting(o -> o.touchpoint().id().value()).containsExactly("collected",
                "parcel-delivered");
        assertThat(owned.get(1).suppliers()).extracting(s -> s.person().value()).containsExactlyInAnyOrder("pat",
                "mia"); // not Sam or Noor, two hops up
        assertThat(frontLine.ownedBy(f.tenant, PersonId.of("sam"))).extracting(o -> o.touchpoint().id().value())
                .containsExactly("sorted");

        Form several = form(feature.onCommand(f.actor("dana"), "voice", ""));
        assertThat(several.fields()).filteredOn(Field.Choice.class::isInstance).extracting(Field::id)
                .containsExactly("touchpoint", "as");
        Form one = form(feature.onCommand(f.actor("dana"), "voice", "Parcel delivered"));
        assertThat(one.state()).isEqualTo("parcel-delivery|parcel-delivered|");
        assertThat(one.fields()).filteredOn(Field.Choice.class::isInstance).extracting(Field::id).containsExactly("as");

        f.graph.savePerson(f.tenant, new io.handoff.graph.Person(PersonId.of("zoe"), "Zoe Teamless", null, null,
                java.time.ZoneId.of("Europe/London"), Map.of()));
        Message refused = JourneyChatFixture.shown(feature.onCommand(f.actor("zoe"), "voice", ""));
        assertThat(refused.summary()).startsWith("You are not on the front line");
    }

    @Test
    void wordsAreMaskedBeforeTheDraftIsStoredAndSentOnceToEachSupplier() {
        Outcome submitted = submit("dana", "parcel-delivery|parcel-delivered|",
                "Rang 0171 2345678 about #123456, mail a.b@c.example", "anonymous");
        Message preview = ((Reply.CloseForm) submitted.reply()).message();
        String shown = JourneyChatFixture.text(preview);
        assertThat(shown).contains("I removed 1 email address and 1 phone number before anyone sees it.",
                "Preview: this is exactly what Pat Okafor and Mia Laurent will see.",
                "Someone who meets customers at *Parcel delivered* passes on what a customer said.",
                "\u201cRang " + ContactMasker.PHONE + " about #123456, mail " + ContactMasker.EMAIL + "\u201d")
                .doesNotContain("Dana", "0171", "a.b@");
        CustomerVoice draft = voices.of(f.tenant, PersonId.of("dana")).get(0);
        assertThat(draft.words()).doesNotContain("0171", "a.b@");

        Outcome sent = press("dana", VoiceFeature.SEND, draft.id());
        assertThat(JourneyChatFixture.shown(sent).summary()).isEqualTo("Sent to Pat and Mia. You will hear here when "
                + "they react.");
        assertThat(sent.notifications()).extracting(n -> n.to().value()).containsExactlyInAnyOrder("pat", "mia");
        Notification toPat = sent.notifications().stream().filter(n -> n.to().value().equals("pat")).findFirst()
                .orElseThrow();
        assertThat(JourneyChatFixture.text(toPat.message())).doesNotContain("Dana");
        List<Action> reactions = toPat.message().blocks().stream().filter(Buttons.class::isInstance)
                .map(Buttons.class::cast).flatMap(b -> b.buttons().stream()).map(b -> b.action()).toList();
        assertThat(reactions).extracting(Action::id).containsOnly("story.react").hasSize(3);
        assertThat(stories.receivedBy(f.tenant, PersonId.of("pat"))).singleElement()
                .satisfies(story -> assertThat(story.anonymous()).isTrue());
        assertThat(stories.toldAbout(f.tenant, PersonId.of("pat"), PersonId.of("dana"))).isZero();

        assertThatThrownBy(() -> press("dana", VoiceFeature.SEND, draft.id())).isInstanceOf(Refusal.class)
                .hasMessageContaining("already sent");
        assertThatThrownBy(() -> press("pat", VoiceFeature.SEND, draft.id())).isInstanceOf(Refusal.class);
        assertThat(stories.receivedBy(f.tenant, PersonId.of("pat"))).hasSize(1);
    }

    @Test
    void badInputIsRefusedNextToItsField() {
        Outcome blank = submit("dana", "parcel-delivery|parcel-delivered|", "   ", "named");
        assertThat(((Reply.FormErrors) blank.reply()).errors()).containsKey("words");
        Outcome notMine = submit("sam", "parcel-delivery|parcel-delivered|", "Late again", "named");
        assertThat(((Reply.FormErrors) notMine.reply()).errors()).containsKey("words");
        Outcome noChoice = submit("dana", "||", "Late again", "named");
        assertThat(((Reply.FormErrors) noChoice.reply()).errors()).containsKey("touchpoint");
        Outcome tooLong = submit("dana", "parcel-delivery|parcel-delivered|", "x".repeat(601), "named");
        assertThat(((Reply.FormErrors) tooLong.reply()).errors()).containsKey("words");
        assertThat(voices.of(f.tenant, PersonId.of("dana"))).isEmpty();
    }

    @Test
    void theVoiceIsInTheSendersMyDataAndForgetMeDeletesIt() {
        submit("dana", "parcel-delivery|parcel-delivered|", "Where is my parcel?", "named");
        press("dana", VoiceFeature.SEND, voices.of(f.tenant, PersonId.of("dana")).get(0).id());
        VoicePersonalData data = new VoicePersonalData(voices, new WalkStore(f.redis));

        var sections = data.describe(f.tenant, PersonId.of("dana"));
        assertThat(sections).singleElement().satisfies(section -> {
            assertThat(section.lines()).singleElement().asString().contains("a customer's words from Parcel delivered",
                    "Where is my parcel?");
            assertThat(section.data().get("customerVoices").toString()).contains("to=[pat, mia]", "status=sent");
        });

        assertThat(data.erase(f.tenant, PersonId.of("dana"))).containsExactly("1 customer's words you passed on");
        assertThat(data.describe(f.tenant, PersonId.of("dana"))).isEmpty();
        assertThat(f.redis.keys("handoff:{" + f.tenant + "}:voice*")).isEmpty();
        stories.forget(f.tenant, PersonId.of("dana")); // the stories it became go with the sender's stories
        assertThat(stories.receivedBy(f.tenant, PersonId.of("pat"))).isEmpty();
    }

    private static Form form(Outcome outcome) {
        return ((Reply.OpenForm) outcome.reply()).form();
    }

    private Outcome submit(String person, String state, String words, String as) {
        return feature.onForm(new Interaction.FormSubmitted(f.actor(person), VoiceFeature.FORM, state,
                Map.of("words", List.of(words), "as", List.of(as))));
    }

    private Outcome press(String person, String id, String value) {
        return feature.onButton(new Interaction.ButtonPressed(f.actor(person), new Action(id, value)));
    }
}
