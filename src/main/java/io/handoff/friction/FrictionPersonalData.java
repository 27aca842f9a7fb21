package io.handoff.friction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.nudge.Engagement;
import io.handoff.privacy.DataSection;
import io.handoff.privacy.PersonalData;

/**
 * my-data shows a person their own friction answers (score and comment per handoff and period); forget-me deletes
 * them and their prompt count. Aggregates of closed periods stay: they were anonymous when shown and never change.
 */
public final class FrictionPersonalData implements PersonalData {
    private final GraphStore graph;
    private final FrictionStore store;
    private final Engagement engagement;

    public FrictionPersonalData(GraphStore graph, FrictionStore store, Engagement engagement) {
        this.graph = Objects.requireNonNull(graph);
        this.store = Objects.requireNonNull(store);
        this.engagement = Objects.requireNonNull(engagement);
    }

    @Override
    public List<DataSection> describe(TenantId tenant, PersonId person) {
        Map<String, List<FrictionAnswer>> byPeriod = store.answersBy(tenant, person);
        int unanswered = engagement.unanswered(tenant, person);
        if (byPeriod.isEmpty() && unanswered == 0) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        List<Object> answers = new ArrayList<>();
        byPeriod.forEach((period, list) -> list.forEach(answer -> {
            String upstream = graph.person(tenant, answer.upstream()).map(Person::displayName)
                    .orElse(answer.upstream().value());
            String when = Period.fromId(period).map(Period::label).orElse(period);
            lines.add(Character.toUpperCase(when.charAt(0)) + when.substring(1) + ": " + answer.score() + " of 5 for "
                    + upstream + "'s " + answer.what()
                    + (answer.hasComment() ? " — \"" + answer.comment() + "\"" : ""));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("period", period);
            data.put("upstream", answer.upstream().value());
            data.put("what", answer.what());
            data.put("score", answer.score());
            data.put("comment", answer.comment());
            data.put("answeredAt", answer.answeredAt().toString());
            answers.add(data);
        }));
        if (unanswered > 0) {
            lines.add("Prompts left unanswered in a row: " + unanswered);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("answers", answers);
        data.put("unansweredPrompts", unanswered);
        return List.of(new DataSection("Friction poll answers", lines, data));
    }

    @Override
    public List<String> erase(TenantId tenant, PersonId person) {
        int removed = store.forget(tenant, person);
        engagement.forget(tenant, person);
        return removed == 0 ? List.of()
                : List.of(removed == 1 ? "1 friction poll answer" : removed + " friction poll answers");
    }
}
