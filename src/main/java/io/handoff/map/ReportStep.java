package io.handoff.map;

import java.util.Optional;

import io.handoff.chat.Actor;
import io.handoff.chat.Outcome;
import io.handoff.graph.Handoff;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.TenantId;

/**
 * A next action the manager's report offers on a handoff, carried out by the module that owns the flow: asking the
 * downstream for a day-in-the-life story (stories), suggesting the upstream shadows a shift after a named story
 * (stories), asking the side that has not answered to confirm or dispute a one-sided handoff (survey). The report's
 * button is {@code map.next} with value {@code <kind>:<upstream>><downstream>}; the maps feature checks the handoff
 * still exists and touches the presser's teams (or that they are an admin) before calling {@link #run}.
 */
public interface ReportStep {

    /** The word in the button's value, unique among steps: e.g. {@code story}, {@code shadow}, {@code settle}. */
    String kind();

    /** The step for this handoff of {@code viewer}'s report, or empty when this module has none to offer now. */
    Optional<Offer> offer(TenantId tenant, MapAccess.Viewer viewer, Handoff edge, OrgGraph graph);

    /** Carries the step out for the manager who pressed the button: the existing flow's message to the person. */
    Outcome run(Actor manager, Handoff edge);

    /** What the report says ("Ask Dana Kowalski for a story about …") and the button's words ("Ask Dana"). */
    record Offer(String sentence, String button) {
        public Offer {
            if (sentence == null || sentence.isBlank() || button == null || button.isBlank()) {
                throw new IllegalArgumentException("an offer needs a sentence and a button label");
            }
        }
    }
}
