package io.handoff.empathy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Action;
import io.handoff.chat.Interaction;
import io.handoff.friction.FrictionFixture;
import io.handoff.graph.Criticality;
import io.handoff.graph.PersonId;
import io.handoff.survey.PreferencesStore;

class StoryPersonalDataTest {
    private final FrictionFixture f = new FrictionFixture();
    private final StoryStore stories = new StoryStore(f.redis);
    private final StoryPersonalData personalData = new StoryPersonalData(f.graph, stories);
    private final PreferencesStore preferences = new PreferencesStore(f.redis);
    private final NudgeAnswersFeature answers = new NudgeAnswersFeature(f.graph, f.engagement, preferences, f.clock);

    @Test
    void myDataShowsTheStoriesAPersonToldAndForgetMeDeletesThem() {
        f.confirmed("ana", "d1", "loaded trucks", Criticality.CRITICAL);
        Story story = Story.draft(StoryStore.newId(), PersonId.of("ana"), PersonId.of("d1"), "loaded trucks",
                new Story.Written("Drop order saves me an hour.", 5, true, false), f.clock.instant());
        stories.saveDraft(f.tenant, story);
        stories.markSent(f.tenant, story, f.clock.instant());
        stories.react(f.tenant, story.id(), Reaction.DIDNT_KNOW, f.clock.instant());
        stories.talkOpened(f.tenant, story.id(), "chat:slack");

        var described = personalData.describe(f.tenant, PersonId.of("d1"));

        assertThat(described).singleElement().satisfies(section -> assertThat(section.lines()).containsExactly(
                "Sent 2426-11-23 to Ana about their loaded trucks (anonymous): \"Drop order saves me an hour.\" — "
                        + "Ana said \"I didn't know this\"."));
        assertThat(described.get(0).data().toString()).contains("talk=chat:slack");
        assertThat(personalData.describe(f.tenant, PersonId.of("ana"))).isEmpty();
        assertThat(personalData.erase(f.tenant, PersonId.of("d1"))).containsExactly("1 story you told");
        assertThat(personalData.describe(f.tenant, PersonId.of("d1"))).isEmpty();
    }

    @Test
    void stillTrueReconfirmsAStaleHandoffAndPauseWritesThePersonsPause() {
        f.confirmed("ana", "d1", "loaded trucks", Criticality.CRITICAL);
        f.clock.advance(Duration.ofDays(200));

        answers.onButton(new Interaction.ButtonPressed(f.actor("d1"), new Action(NudgeMessages.STILL, "ana>d1")));
        answers.onButton(new Interaction.ButtonPressed(f.actor("d1"), new Action(NudgeMessages.PAUSE, "28")));
        var byStranger = answers.onButton(new Interaction.ButtonPressed(f.actor("d2"),
                new Action(NudgeMessages.GONE, "ana>d1")));

        assertThat(f.graph.handoff(f.tenant, PersonId.of("ana"), PersonId.of("d1")).orElseThrow().lastConfirmedAt())
                .isEqualTo(f.clock.instant());
        assertThat(preferences.preferences(f.tenant, PersonId.of("d1")).pausedUntil())
                .isEqualTo(f.clock.instant().plus(Duration.ofDays(28)));
        assertThat(byStranger.reply().toString()).contains("no longer on your map");
        assertThat(f.graph.handoff(f.tenant, PersonId.of("ana"), PersonId.of("d1")).orElseThrow().status().name())
                .isEqualTo("CONFIRMED");
    }
}
