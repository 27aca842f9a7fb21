package io.handoff.journey;

import static io.handoff.journey.JourneyChatFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Notification;
import io.handoff.empathy.StoryPrompts;
import io.handoff.empathy.StoryStore;
import io.handoff.graph.CustomerMoments;
import io.handoff.graph.PersonId;

/** The story prompt names the customer moment the teller's work reaches (the journeys' line of sight, on the demo). */
class StoryMomentPromptTest {
    private final JourneyChatFixture f = new JourneyChatFixture();

    @Test
    void danasPromptAboutMiasRoutePlanNamesParcelDelivered() {
        StoryPrompts prompts = new StoryPrompts(f.graph, new StoryStore(f.redis), f.clock, f.queries::moments);

        Notification prompt = prompts.prompt(f.tenant, f.graph.handoff(f.tenant, PersonId.of("mia"),
                PersonId.of("dana")).orElseThrow()).orElseThrow();

        assertThat(text(prompt.message())).startsWith("Walk Mia through the moment you receive their *route plan*. "
                + "What does a good day look like? What happens on a bad one?\n"
                + "What you do with it reaches customers at *Parcel delivered*, a game-over moment for them: the "
                + "story can take Mia all the way there.");
    }

    @Test
    void withoutJourneysThePromptNamesNoMoment() {
        StoryPrompts prompts = new StoryPrompts(f.graph, new StoryStore(f.redis), f.clock, CustomerMoments.NONE);

        Notification prompt = prompts.nextPrompt(f.tenant, PersonId.of("dana")).orElseThrow();

        assertThat(text(prompt.message())).doesNotContain("reaches customers");
    }
}
