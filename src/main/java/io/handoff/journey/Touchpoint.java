package io.handoff.journey;

import java.util.List;
import java.util.Objects;

import io.handoff.graph.Text;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;
import io.handoff.graph.TeamId;

/**
 * A moment the customer lives through: its front-line owners are org teams and/or people of the graph (none is
 * allowed: an ownerless touchpoint is shown as such). Owners are kept in the order given, without repeats.
 */
public record Touchpoint(TouchpointId id, String name, Channel channel, List<TeamId> ownerTeams,
                         List<PersonId> ownerPeople, Weight weight) {
    public static final int MAX_NAME = 200;
    public static final int MAX_OWNERS = 50;

    public Touchpoint {
        if (id == null) {
            throw new Refusal("a touchpoint needs an id");
        }
        name = Text.require("touchpoint name", name, MAX_NAME);
        if (channel == null) {
            throw new Refusal("touchpoint " + id + " needs a channel (" + Channel.choices() + ")");
        }
        if (weight == null) {
            throw new Refusal("touchpoint " + id + " needs a weight (" + Weight.choices() + ")");
        }
        ownerTeams = List.copyOf(Objects.requireNonNullElse(ownerTeams, List.<TeamId>of()).stream().distinct().toList());
        ownerPeople = List.copyOf(Objects.requireNonNullElse(ownerPeople, List.<PersonId>of()).stream().distinct().toList());
        if (ownerTeams.size() + ownerPeople.size() > MAX_OWNERS) {
            throw new Refusal("touchpoint " + id + " may have at most " + MAX_OWNERS + " owners");
        }
    }

    public boolean gameOver() {
        return weight == Weight.GAME_OVER;
    }

    /** This touchpoint without {@code person} among its owners. */
    public Touchpoint withoutPerson(PersonId person) {
        return new Touchpoint(id, name, channel, ownerTeams,
                ownerPeople.stream().filter(p -> !p.equals(person)).toList(), weight);
    }
}
