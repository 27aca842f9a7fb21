package io.handoff.msteams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Serialization;

import io.handoff.chat.Message;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.TenantId;

/**
 * Invoke activities, each answered with a 200 invoke response (anything else shows the person an error): the people
 * search of the forms' picker ({@code application/search}), Universal Actions ({@code adaptiveCard/action},
 * Action.Execute, handled as the message's Action.Submit data by {@link MessageHandler}), and an empty one for the
 * rest.
 */
final class InvokeHandler {
    private static final Logger log = LoggerFactory.getLogger(InvokeHandler.class);
    private static final String SEARCH = "application/search";
    private static final String EXECUTE = "adaptiveCard/action";
    private static final int SEARCH_RESULTS = 15;

    private final GraphStore graph;
    private final MessageHandler messages;

    InvokeHandler(GraphStore graph, MessageHandler messages) {
        this.graph = graph;
        this.messages = messages;
    }

    /**
     * Every invoke gets a 200 invoke response (anything else shows the person an error): the people search of the
     * forms' picker, Universal Actions ({@code adaptiveCard/action}, Action.Execute), and an empty one for the rest.
     */
    void onInvoke(TurnContext turn) {
        Activity activity = turn.getActivity();
        String name = activity.getName() == null ? "" : activity.getName();
        switch (name) {
            case SEARCH -> onSearch(turn);
            case EXECUTE -> onExecute(turn);
            default -> {
                log.debug("Acknowledging a Teams invoke Handoff does not handle: {}", MsTeamsRequestGate.shown(name));
                invokeResponse(turn, null);
            }
        }
    }

    /**
     * Action.Execute (Universal Actions): its data are read as an Action.Submit's (a button or a form) and the first
     * answer replaces the card in place, as the adaptive-card invoke response; further answers follow as messages.
     */
    private void onExecute(TurnContext turn) {
        JsonNode value = turn.getActivity().getValue() == null ? JsonNodeFactory.instance.objectNode()
                : Serialization.objectToTree(turn.getActivity().getValue());
        JsonNode data = value.path("action").path("data");
        List<Activity> answers = new ArrayList<>();
        if (data.isObject() && (data.hasNonNull(AdaptiveCards.FORM) || data.hasNonNull(AdaptiveCards.ACTION))) {
            messages.converse(turn, data, answers::add);
        } else {
            MessageHandler.send(answers::add,
                    Message.text("That button is no longer valid. Say home to start again."));
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("statusCode", 200);
        Optional<JsonNode> card = answers.isEmpty() ? Optional.empty() : card(answers.get(0));
        if (card.isPresent()) {
            body.put("type", AdaptiveCards.CONTENT_TYPE).set("value", card.get());
            answers.remove(0);
        } else {
            body.put("type", "application/vnd.microsoft.activity.message").put("value", "Done.");
        }
        answers.forEach(answer -> turn.sendActivity(answer).join());
        invokeResponse(turn, body);
    }

    private static Optional<JsonNode> card(Activity answer) {
        if (answer.getAttachments() == null) {
            return Optional.empty();
        }
        return answer.getAttachments().stream()
                .filter(attachment -> AdaptiveCards.CONTENT_TYPE.equals(attachment.getContentType()))
                .map(attachment -> Serialization.objectToTree(attachment.getContent())).findFirst();
    }

    private static void invokeResponse(TurnContext turn, Object body) {
        Activity response = new Activity(ActivityTypes.INVOKE_RESPONSE);
        response.setValue(new InvokeResponse(200, body));
        turn.sendActivity(response).join();
    }

    private void onSearch(TurnContext turn) {
        Activity activity = turn.getActivity();
        JsonNode query = activity.getValue() == null ? JsonNodeFactory.instance.objectNode()
                : Serialization.objectToTree(activity.getValue());
        String text = query.path("queryText").asText("").strip().toLowerCase(Locale.ROOT);
        String microsoftTenant = ActivityActors.microsoftTenant(activity);
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("type", "application/vnd.microsoft.search.searchResponse");
        var results = body.putObject("value").putArray("results");
        Optional<TenantId> tenant = microsoftTenant == null ? Optional.empty()
                : graph.tenantForMicrosoft(microsoftTenant);
        if (tenant.isPresent() && AdaptiveCards.PEOPLE_DATASET.equals(query.path("dataset").asText())) {
            graph.graph(tenant.get()).people().values().stream()
                    .filter(p -> p.displayName().toLowerCase(Locale.ROOT).contains(text)
                            || (p.email() != null && p.email().startsWith(text)))
                    .sorted(Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER))
                    .limit(SEARCH_RESULTS)
                    .forEach(p -> results.addObject().put("title", p.displayName()).put("value", p.id().value()));
        }
        invokeResponse(turn, body);
    }
}
