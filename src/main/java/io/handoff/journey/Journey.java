package io.handoff.journey;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.handoff.graph.Text;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;

/**
 * A customer journey: who the customer is in plain words ("someone expecting a parcel") and the stages they go
 * through, each with its touchpoints. Touchpoint ids are unique within the journey.
 */
public record Journey(JourneyId id, String name, String customer, List<Stage> stages) {
    public static final int MAX_NAME = 200;
    public static final int MAX_CUSTOMER = 500;
    public static final int MAX_STAGES = 30;
    public static final int MAX_TOUCHPOINTS = 200;

    public Journey {
        if (id == null) {
            throw new Refusal("a journey needs an id");
        }
        name = Text.require("journey name", name, MAX_NAME);
        customer = Text.require("customer", customer, MAX_CUSTOMER);
        stages = List.copyOf(Objects.requireNonNullElse(stages, List.of()));
        if (stages.isEmpty()) {
            throw new Refusal("journey " + id + " needs at least one stage");
        }
        if (stages.size() > MAX_STAGES) {
            throw new Refusal("journey " + id + " may have at most " + MAX_STAGES + " stages");
        }
        Set<TouchpointId> seen = new HashSet<>();
        Set<String> stageNames = new HashSet<>();
        for (Stage stage : stages) {
            if (!stageNames.add(stage.name())) {
                throw new Refusal("journey " + id + " has two stages named '" + stage.name() + "'");
            }
            for (Touchpoint touchpoint : stage.touchpoints()) {
                if (!seen.add(touchpoint.id())) {
                    throw new Refusal("journey " + id + " has two touchpoints with the id " + touchpoint.id());
                }
            }
        }
        if (seen.size() > MAX_TOUCHPOINTS) {
            throw new Refusal("journey " + id + " may have at most " + MAX_TOUCHPOINTS + " touchpoints");
        }
    }

    /** Every touchpoint, in journey order. */
    public List<Touchpoint> touchpoints() {
        return stages.stream().flatMap(stage -> stage.touchpoints().stream()).toList();
    }

    public Optional<Touchpoint> touchpoint(TouchpointId id) {
        return touchpoints().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The stage a touchpoint belongs to. */
    public Optional<Stage> stageOf(TouchpointId id) {
        return stages.stream().filter(s -> s.touchpoints().stream().anyMatch(t -> t.id().equals(id))).findFirst();
    }

    public boolean ownedBy(PersonId person) {
        return touchpoints().stream().anyMatch(t -> t.ownerPeople().contains(person));
    }

    /** This journey with {@code person} removed from every touchpoint's owners (forget-me). */
    public Journey withoutPerson(PersonId person) {
        return new Journey(id, name, customer, stages.stream()
                .map(s -> new Stage(s.name(), s.touchpoints().stream().map(t -> t.withoutPerson(person)).toList()))
                .toList());
    }
}
