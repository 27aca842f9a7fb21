package io.handoff.msteams;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rules of the official Adaptive Cards schema (microsoft/AdaptiveCards {@code schemas/src}) that can be checked
 * offline without a JSON Schema library: the card's version, the element types Handoff sends and the version each
 * needs, their required properties, enumerated values, and properties newer than the declared version
 * ({@code label}, {@code isRequired}, {@code errorMessage} 1.3; {@code choices.data} and {@code style: filtered} 1.6).
 * Also Teams' rule that input ids are unique on a card.
 */
final class AdaptiveCardRules {
    private static final Map<String, Double> ELEMENTS = Map.of("TextBlock", 1.0, "RichTextBlock", 1.2,
            "ActionSet", 1.2, "Input.ChoiceSet", 1.0, "Input.Text", 1.0, "Container", 1.0, "Image", 1.0);
    private static final Map<String, Double> ACTIONS = Map.of("Action.Submit", 1.0, "Action.OpenUrl", 1.0,
            "Action.Execute", 1.4);
    private static final Set<String> VERSIONS = Set.of("1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6");
    private static final Set<String> WEIGHTS = Set.of("default", "lighter", "bolder");
    private static final Set<String> SIZES = Set.of("default", "small", "medium", "large", "extraLarge");
    private static final Set<String> COLOURS = Set.of("default", "dark", "light", "accent", "good", "warning",
            "attention");
    private static final Set<String> SPACINGS = Set.of("none", "small", "default", "medium", "large", "extraLarge",
            "padding");
    private static final Set<String> CHOICE_STYLES = Set.of("compact", "expanded", "filtered");
    private static final Set<String> ACTION_STYLES = Set.of("default", "positive", "destructive");

    private AdaptiveCardRules() {
    }

    /** The rules applied to a card as sent (its JSON text). */
    static List<String> problems(String json) {
        try {
            return problems(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    /** What breaks the rules, empty when the card keeps them all. */
    static List<String> problems(JsonNode card) {
        List<String> problems = new ArrayList<>();
        if (!"AdaptiveCard".equals(card.path("type").asText())) {
            problems.add("type must be AdaptiveCard");
        }
        String declared = card.path("version").asText("");
        if (!VERSIONS.contains(declared)) {
            problems.add("version missing or unknown: '" + declared + "'");
            return problems;
        }
        double version = Double.parseDouble(declared);
        if (!card.path("body").isArray()) {
            problems.add("body must be an array");
        }
        Set<String> ids = new HashSet<>();
        card.path("body").forEach(element -> element(element, version, ids, problems));
        card.path("actions").forEach(action -> action(action, version, problems));
        return problems;
    }

    private static void element(JsonNode element, double version, Set<String> ids, List<String> problems) {
        String type = element.path("type").asText("");
        Double since = ELEMENTS.get(type);
        if (since == null) {
            problems.add("unknown element type '" + type + "'");
            return;
        }
        needs(version, since, type, problems);
        enumerated(element, "spacing", SPACINGS, problems);
        if (element.has("id") && !ids.add(element.get("id").asText())) {
            problems.add("duplicate id " + element.get("id").asText());
        }
        switch (type) {
            case "TextBlock" -> {
                required(element, "text", problems);
                text(element, problems);
            }
            case "RichTextBlock" -> {
                if (!element.path("inlines").isArray() || element.path("inlines").isEmpty()) {
                    problems.add("RichTextBlock needs inlines");
                }
                element.path("inlines").forEach(run -> {
                    if (!"TextRun".equals(run.path("type").asText())) {
                        problems.add("inline must be a TextRun: " + run);
                    }
                    required(run, "text", problems);
                    text(run, problems);
                });
            }
            case "ActionSet" -> {
                if (element.path("actions").isEmpty()) {
                    problems.add("ActionSet needs actions");
                }
                element.path("actions").forEach(action -> action(action, version, problems));
            }
            case "Container" -> element.path("items").forEach(item -> element(item, version, ids, problems));
            case "Input.ChoiceSet", "Input.Text" -> input(element, type, version, problems);
            default -> {
            }
        }
    }

    private static void input(JsonNode input, String type, double version, List<String> problems) {
        if (input.path("id").asText("").isEmpty()) {
            problems.add(type + " needs an id");
        }
        for (String newer : List.of("label", "isRequired", "errorMessage")) {
            if (input.has(newer)) {
                needs(version, 1.3, type + "." + newer, problems);
            }
        }
        if (type.equals("Input.ChoiceSet")) {
            enumerated(input, "style", CHOICE_STYLES, problems);
            if ("filtered".equals(input.path("style").asText())) {
                needs(version, 1.6, "style filtered", problems);
            }
            input.path("choices").forEach(choice -> {
                required(choice, "title", problems);
                required(choice, "value", problems);
            });
            JsonNode query = input.has("choices.data") ? input.get("choices.data")
                    : input.get(AdaptiveCards.DATA_QUERY_KEY);
            if (query != null) {
                needs(version, 1.6, "choices.data", problems);
                if (!"Data.Query".equals(query.path("type").asText())) {
                    problems.add("choices.data must be a Data.Query");
                }
                required(query, "dataset", problems);
            }
        }
    }

    private static void action(JsonNode action, double version, List<String> problems) {
        String type = action.path("type").asText("");
        Double since = ACTIONS.get(type);
        if (since == null) {
            problems.add("unknown action type '" + type + "'");
            return;
        }
        needs(version, since, type, problems);
        enumerated(action, "style", ACTION_STYLES, problems);
        if (type.equals("Action.OpenUrl")) {
            required(action, "url", problems);
        }
    }

    private static void text(JsonNode text, List<String> problems) {
        enumerated(text, "weight", WEIGHTS, problems);
        enumerated(text, "size", SIZES, problems);
        enumerated(text, "color", COLOURS, problems);
    }

    private static void needs(double version, double since, String what, List<String> problems) {
        if (version + 1e-9 < since) {
            problems.add(what + " needs version " + since + " but the card declares " + version);
        }
    }

    private static void required(JsonNode node, String property, List<String> problems) {
        if (!node.hasNonNull(property) || node.get(property).asText().isEmpty()) {
            problems.add(node.path("type").asText("element") + " needs " + property + ": " + node);
        }
    }

    private static void enumerated(JsonNode node, String property, Set<String> allowed, List<String> problems) {
        if (node.has(property) && !allowed.contains(node.get(property).asText())) {
            problems.add(property + " '" + node.get(property).asText() + "' is not one of " + allowed);
        }
    }
}
