package io.handoff.playground;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.handoff.demo.DemoStories;
import io.handoff.demo.DemoStory;
import io.handoff.graph.Person;

/** The stories the playground starts with: each its own tenant, the person to start as, its admin, three hints. */
@RestController
@Conditional(PlaygroundEnabled.class)
class PlaygroundStories {

    record Story(String tenant, String title, String lead, String leadName, String admin, String adminName,
                 List<String> hints) {
    }

    @GetMapping("/playground/api/stories")
    List<Story> stories() {
        return Arrays.stream(DemoStory.values()).map(story -> new Story(story.tenant().value(), story.title(),
                story.lead().value(), name(story, story.lead()), story.admin().value(), name(story, story.admin()),
                story.hints())).toList();
    }

    private static String name(DemoStory story, io.handoff.graph.PersonId person) {
        return DemoStories.people(story).stream().filter(p -> p.id().equals(person)).map(Person::displayName)
                .findFirst().orElse(person.value());
    }
}
