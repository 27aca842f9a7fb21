package io.handoff.graph;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Port to the customer journeys: the moments a customer lives through that a person's work reaches (their line of
 * sight). The survey and the stories name the nearest one in their prompts without depending on the journeys;
 * {@link #NONE} until journeys are wired in.
 */
@FunctionalInterface
public interface CustomerMoments {

    /** The moments {@code person}'s work reaches, game over first, then nearest; empty when none or unknown. */
    List<Moment> reachedBy(TenantId tenant, PersonId person);

    /** The first of {@link #reachedBy}: the game-over or nearest moment. */
    default Optional<Moment> nearest(TenantId tenant, PersonId person) {
        return reachedBy(tenant, person).stream().findFirst();
    }

    CustomerMoments NONE = (tenant, person) -> List.of();

    /**
     * One moment reached: the touchpoint's name, whether it is game over ("if this fails, we lose the customer"),
     * how many handoffs away it is (0: the person is on its front line), the names of the people the work passes
     * on the way (the last on the front line), and what the person hands the first of them (empty at 0 hops).
     */
    record Moment(String journey, String touchpoint, boolean gameOver, int hops, List<String> through,
                  String firstHandoff) {
        public Moment {
            Objects.requireNonNull(journey, "journey");
            Objects.requireNonNull(touchpoint, "touchpoint");
            through = List.copyOf(through);
            firstHandoff = Objects.requireNonNullElse(firstHandoff, "");
            if (hops < 0) {
                throw new IllegalArgumentException("hops cannot be negative");
            }
        }

        /** {@code "one hop"}, {@code "two hops"}, ... in plain words. */
        public String hopsInWords() {
            String[] words = {"no hop", "one hop", "two hops", "three hops", "four hops", "five hops", "six hops",
                    "seven hops", "eight hops"};
            return hops < words.length ? words[hops] : hops + " hops";
        }

        /** {@code "Dana"}, {@code "Sam and Dana"}, {@code "Noor, Lee and Ravi"}. */
        public String throughInWords() {
            if (through.size() <= 1) {
                return through.isEmpty() ? "" : through.get(0);
            }
            return String.join(", ", through.subList(0, through.size() - 1)) + " and " + through.get(through.size() - 1);
        }
    }
}
