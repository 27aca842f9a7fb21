package io.handoff.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.handoff.friction.FrictionService;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.journey.Journeys;

/**
 * Loads a {@link DemoStory} into its own tenant: its part of the {@link SampleOrganisation}, its admin
 * ({@link DemoAdmins}), its journey ({@link SampleJourneys}) and, for the depot, the friction story behind the
 * journey's falling signal ({@link SampleFriction}). Each part is written only where missing, so loading again
 * after a forget-me brings the story back.
 */
@Component
public class DemoStories {
    private final GraphStore graph;
    private final Journeys journeys;
    private final FrictionService friction;
    private final DemoAdmins admins;

    DemoStories(GraphStore graph, Journeys journeys, FrictionService friction, DemoAdmins admins) {
        this.graph = graph;
        this.journeys = journeys;
        this.friction = friction;
        this.admins = admins;
    }

    /** The organisation, the admin and the journeys of {@code story}, with times relative to {@code now}. */
    public void load(DemoStory story, Instant now) {
        SampleOrganisation.load(graph, story, now);
        admins.name(story);
        journeys(story, now);
    }

    /** The story's journeys (and the depot's friction story) where missing: they came later than the organisation. */
    public void journeys(DemoStory story, Instant now) {
        SampleJourneys.load(journeys, story, now);
        if (story == DemoStory.DEPOT) {
            SampleFriction.load(graph, friction, story.tenant(), now);
        }
    }

    /** Everyone of the story, including people forget-me took out of its tenant: the playground's directory. */
    public static List<Person> people(DemoStory story) {
        List<Person> people = new ArrayList<>(SampleOrganisation.people(story));
        if (story == DemoStory.DEPOT) {
            people.addAll(SampleFriction.people());
        }
        return people;
    }
}
