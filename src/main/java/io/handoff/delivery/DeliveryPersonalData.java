package io.handoff.delivery;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.ReaderTime;
import io.handoff.graph.TenantId;
import io.handoff.privacy.DataSection;
import io.handoff.privacy.PersonalData;

/**
 * my-data and forget-me for what delivery keeps about a person: the platform they prefer or last used, the nudges
 * they got this week, recent delivery decisions about them and messages to them that were given up (dead letters).
 * Messages still waiting for them are dropped when they come due, because the person is gone by then.
 */
class DeliveryPersonalData implements PersonalData {
    private final PlatformPreference preference;
    private final DeliveryRules rules;
    private final DecisionLog decisions;
    private final Outbox outbox;
    private final GraphStore graph;
    private final PromptPacing pacing;

    public DeliveryPersonalData(PlatformPreference preference, DeliveryRules rules, DecisionLog decisions,
                                Outbox outbox, GraphStore graph) {
        this(preference, rules, decisions, outbox, graph, null);
    }

    /** With {@code pacing}, forget-me also drops when the person's last prompt went and which prompts wait. */
    public DeliveryPersonalData(PlatformPreference preference, DeliveryRules rules, DecisionLog decisions,
                                Outbox outbox, GraphStore graph, PromptPacing pacing) {
        this.pacing = pacing;
        this.graph = graph;
        this.preference = preference;
        this.rules = rules;
        this.decisions = decisions;
        this.outbox = outbox;
    }

    @Override
    public List<DataSection> describe(TenantId tenant, PersonId person) {
        Map<String, String> platforms = preference.stored(tenant, person);
        long nudges = rules.nudgesThisWeek(tenant, person);
        List<DecisionLog.Entry> about = decisions.about(tenant, person);
        if (platforms.isEmpty() && nudges == 0 && about.isEmpty()) {
            return List.of();
        }
        ZoneId zone = graph.person(tenant, person).map(Person::timeZone).orElse(ZoneOffset.UTC);
        List<String> lines = new ArrayList<>();
        if (platforms.containsKey("preferred")) {
            lines.add("You asked to hear from Handoff on " + platforms.get("preferred") + ".");
        }
        if (platforms.containsKey("last")) {
            lines.add("You last used Handoff on " + platforms.get("last") + ".");
        }
        lines.add("Handoff messages in the last 7 days: " + nudges + ".");
        List<Map<String, Object>> entries = new ArrayList<>();
        for (DecisionLog.Entry entry : about) {
            lines.add(ReaderTime.of(entry.at(), zone) + ": " + words(entry.verdict())
                    + " (" + entry.reason() + ")");
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("at", entry.at().toString());
            data.put("kind", entry.kind().name().toLowerCase(java.util.Locale.ROOT));
            data.put("verdict", entry.verdict().name().toLowerCase(java.util.Locale.ROOT));
            data.put("reason", entry.reason());
            entry.until().ifPresent(until -> data.put("until", until.toString()));
            entries.add(data);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("platforms", platforms);
        data.put("nudgesLast7Days", nudges);
        data.put("deliveryDecisions", entries);
        return List.of(new DataSection("How Handoff reaches you", lines, data));
    }

    private static String words(Decision.Verdict verdict) {
        switch (verdict) {
            case SEND:
                return "a message was sent";
            case DEFER:
                return "a message was put off";
            default:
                return "a message was not sent";
        }
    }

    @Override
    public List<String> erase(TenantId tenant, PersonId person) {
        List<String> erased = new ArrayList<>();
        if (!preference.stored(tenant, person).isEmpty()) {
            preference.forget(tenant, person);
            erased.add("your platform choice");
        }
        if (rules.nudgesThisWeek(tenant, person) > 0) {
            erased.add("the count of messages Handoff sent you");
        }
        rules.forget(tenant, person);
        if (pacing != null) {
            pacing.forget(tenant, person);
        }
        int decided = decisions.forget(tenant, person);
        if (decided > 0) {
            erased.add(decided == 1 ? "1 delivery record" : decided + " delivery records");
        }
        int dead = outbox.forgetDeadLetters(tenant, person);
        if (dead > 0) {
            erased.add(dead == 1 ? "1 undelivered message" : dead + " undelivered messages");
        }
        return erased;
    }
}
