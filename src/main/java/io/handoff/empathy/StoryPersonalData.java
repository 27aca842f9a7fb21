package io.handoff.empathy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Names;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.privacy.DataSection;
import io.handoff.privacy.PersonalData;

/**
 * my-data shows a person the stories they told (drafts too) with the reactions; forget-me deletes them, the
 * person's story prompt history and their reactions to stories told to them.
 */
final class StoryPersonalData implements PersonalData {
    private final GraphStore graph;
    private final StoryStore stories;

    public StoryPersonalData(GraphStore graph, StoryStore stories) {
        this.graph = Objects.requireNonNull(graph);
        this.stories = Objects.requireNonNull(stories);
    }

    @Override
    public List<DataSection> describe(TenantId tenant, PersonId person) {
        List<Story> told = stories.toldBy(tenant, person);
        if (told.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        for (Story story : told) {
            String upstream = graph.person(tenant, story.upstream()).map(Names::first).orElse(story.upstream().value());
            String about = switch (story.kind()) {
                case VOICE -> ", a customer's words from " + story.moment();
                case WALK -> ", who asked you to walk " + story.moment() + " with them";
                case STORY -> " about their " + story.what();
            };
            lines.add((story.sent() ? "Sent " + story.sentAt().toString().substring(0, 10) : "Draft") + " to "
                    + upstream + about + (story.anonymous() ? " (anonymous)" : "") + ": \""
                    + story.text() + "\" — " + StoryHome.reactionsText(story, upstream));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", story.kind().name().toLowerCase(java.util.Locale.ROOT));
            entry.put("moment", story.moment());
            entry.put("upstream", story.upstream().value());
            entry.put("what", story.what());
            entry.put("text", story.text());
            entry.put("shapesDay", story.shapesDay());
            entry.put("anonymous", story.anonymous());
            entry.put("sharedWithTeam", story.shareWithTeam());
            entry.put("status", story.status().name().toLowerCase(java.util.Locale.ROOT));
            entry.put("createdAt", story.createdAt().toString());
            entry.put("sentAt", story.sentAt() == null ? null : story.sentAt().toString());
            Map<String, Object> reactions = new LinkedHashMap<>();
            story.reactions().forEach((reaction, at) -> reactions.put(reaction.code(), at.toString()));
            entry.put("reactions", reactions);
            if (story.shadowing() != null) {
                entry.put("shadowing", Map.of(
                        "state", story.shadowing().state().name().toLowerCase(java.util.Locale.ROOT),
                        "date", String.valueOf(story.shadowing().date())));
            }
            stories.talk(tenant, story.id()).ifPresent(how -> entry.put("talk", how));
            data.add(entry);
        }
        return List.of(new DataSection("Your stories", lines, Map.of("stories", data)));
    }

    @Override
    public List<String> erase(TenantId tenant, PersonId person) {
        int removed = stories.forget(tenant, person);
        return removed == 0 ? List.of() : List.of(removed == 1 ? "1 story you told" : removed + " stories you told");
    }
}
