package io.handoff.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import io.handoff.graph.HandoffTerms;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One half of the survey as the person submitted it, checked and waiting to be saved: who, which half, when (the time
 * every change is stamped with, so saving it twice changes nothing and notifies nobody twice), the people picked with
 * the terms for each (same order), and the save of the customers half this one waits for ({@code after}, empty when
 * none), so the closing summary counts both halves.
 */
record SurveySubmission(TenantId tenant, PersonId actor, Direction direction, Instant at, List<PersonId> people,
                        List<HandoffTerms> terms, String after) {
    /** Job ids of survey saves: {@code survey-save:} and 32 hex digits. */
    static final Pattern JOB_ID = Pattern.compile("survey-save:[0-9a-f]{32}");
    private static final ObjectMapper JSON = new ObjectMapper();

    SurveySubmission {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(at, "at");
        people = List.copyOf(people);
        terms = List.copyOf(terms);
        if (people.size() != terms.size()) {
            throw new IllegalArgumentException("one set of terms per person");
        }
        after = after == null || !JOB_ID.matcher(after).matches() ? "" : after;
    }

    /** The job that saves it: the same submission is one job. */
    String jobId() {
        return "survey-save:" + sha256(tenant.value() + "\n" + toJson()).substring(0, 32);
    }

    String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("actor", actor.value());
        node.put("direction", direction.name());
        node.put("at", at.toEpochMilli());
        node.put("after", after);
        ArrayNode named = node.putArray("people");
        for (int i = 0; i < people.size(); i++) {
            HandoffTerms t = terms.get(i);
            named.addObject().put("id", people.get(i).value()).put("what", t.what())
                    .put("often", t.frequency().name()).put("critical", t.criticality().name());
        }
        return JSON.writeValueAsString(node);
    }

    static SurveySubmission fromJson(TenantId tenant, String json) {
        JsonNode node = JSON.readTree(json);
        List<PersonId> people = new ArrayList<>();
        List<HandoffTerms> terms = new ArrayList<>();
        for (JsonNode named : node.get("people")) {
            people.add(PersonId.of(named.get("id").asString()));
            terms.add(new HandoffTerms(named.get("what").asString(),
                    io.handoff.graph.Frequency.valueOf(named.get("often").asString()),
                    io.handoff.graph.Criticality.valueOf(named.get("critical").asString())));
        }
        return new SurveySubmission(tenant, PersonId.of(node.get("actor").asString()),
                Direction.valueOf(node.get("direction").asString()), Instant.ofEpochMilli(node.get("at").asLong()),
                people, terms, node.path("after").asString(""));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
