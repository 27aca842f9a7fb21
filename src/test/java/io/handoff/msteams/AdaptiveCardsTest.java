package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;

import io.handoff.chat.Action;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Divider;
import io.handoff.chat.Field;
import io.handoff.chat.Form;
import io.handoff.chat.Heading;
import io.handoff.chat.Link;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;
import io.handoff.graph.Person;

/** Rendering of the chat port as Adaptive Cards, including the escaping of what people type. */
class AdaptiveCardsTest {

    @Test
    void escapesEverythingThatCouldFormatOrLink() {
        String typed = "**bold** _it_ [click](https://evil.example) <at>all</at> # title `code` 1. item www.x.example";

        String escaped = CardText.escape(typed);

        assertThat(escaped).doesNotContain("**").doesNotContain("](").doesNotContain("https://")
                .doesNotContain("www.x").doesNotContain("<at>");
        assertThat(escaped).contains("\\*\\*bold\\*\\*", "\\_it\\_", "\\[click\\]", "\\<at\\>", "\\# title",
                "\\`code\\`", "1\\. item");
        // Unescaped, the text reads exactly as typed (apart from the invisible joiners that break links).
        assertThat(escaped.replace("\\", "").replace("\u2060", "")).isEqualTo(typed);
    }

    @Test
    void rendersAMessageWithStrongSpansButtonsLinksAndImages() {
        Message message = new Message("Dana asks", List.of(
                new Heading("Confirm a handoff"),
                Paragraph.builder().strong("Dana *Smith*").plain(" says you hand them [stuff]").build(),
                new Divider(),
                Buttons.of(Button.primary("Confirm", new Action("survey.confirm", "pat>dana")),
                        Button.danger("Not really", new Action("survey.dispute", "pat>dana"))),
                new Link("Open map", URI.create("https://handoff.example/map"))),
                List.of(new io.handoff.chat.Attachment("map.png", "image/png", new byte[] {1, 2, 3}, "Map")));

        List<Attachment> attachments = AdaptiveCards.message(message);

        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0).getContentType()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = (JsonNode) attachments.get(0).getContent();
        assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
        JsonNode body = card.get("body");
        assertThat(body.get(0).get("text").asText()).isEqualTo("Confirm a handoff");
        assertThat(body.get(1).get("text").asText())
                .isEqualTo("**Dana \\*Smith\\***\\ says you hand them \\[stuff\\]".replace("\\ ", " "));
        JsonNode buttons = body.get(2);
        assertThat(buttons.get("separator").asBoolean()).isTrue();
        assertThat(buttons.get("actions").get(0).get("type").asText()).isEqualTo("Action.Submit");
        assertThat(buttons.get("actions").get(0).get("data").get("action").asText()).isEqualTo("survey.confirm");
        assertThat(buttons.get("actions").get(0).get("data").get("value").asText()).isEqualTo("pat>dana");
        assertThat(buttons.get("actions").get(0).get("style").asText()).isEqualTo("positive");
        assertThat(buttons.get("actions").get(1).get("style").asText()).isEqualTo("destructive");
        JsonNode link = body.get(3).get("actions").get(0);
        assertThat(link.get("type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(link.get("url").asText()).isEqualTo("https://handoff.example/map");
        assertThat(attachments.get(1).getContentType()).isEqualTo("image/png");
        assertThat(attachments.get(1).getContentUrl()).isEqualTo("data:image/png;base64,AQID");
    }

    @Test
    void rendersAFormAndShowsErrorsNextToTheirFields() {
        Form form = new Form("survey.customers", "Who depends on your work?", "Next", "v1;dana", List.of(
                new Field.Note("intro", Paragraph.of("Pick up to 10")),
                new Field.PeoplePicker("people", "Your customers", false, List.of("dana")),
                new Field.TextInput("what.0", "What do you hand them?", false, 80, false, null, "e.g. trucks"),
                new Field.Choice("often.0", "How often?", false,
                        List.of(new Field.Option("Daily", "D"), new Field.Option("Weekly", "W")), "W")));
        List<Person> roster = List.of(Person.of("dana", "Dana Smith", null), Person.of("sam", "Sam Lee", null));

        ObjectNode card = AdaptiveCards.form(form, roster);

        JsonNode body = card.get("body");
        JsonNode picker = body.get(2);
        assertThat(picker.get("type").asText()).isEqualTo("Input.ChoiceSet");
        assertThat(picker.get("id").asText()).isEqualTo("people.people");
        assertThat(picker.get("isMultiSelect").asBoolean()).isTrue();
        assertThat(picker.get("choices").findValuesAsText("value")).containsExactly("dana", "sam");
        assertThat(picker.get("value").asText()).isEqualTo("dana");
        assertThat(picker.get(AdaptiveCards.DATA_QUERY_KEY).get("type").asText()).isEqualTo("Data.Query");
        JsonNode text = body.get(3);
        assertThat(text.get("type").asText()).isEqualTo("Input.Text");
        assertThat(text.get("maxLength").asInt()).isEqualTo(80);
        assertThat(text.get("isRequired").asBoolean()).isTrue();
        JsonNode submit = card.get("actions").get(0);
        assertThat(submit.get("type").asText()).isEqualTo("Action.Submit");
        assertThat(submit.get("data").get("form").asText()).isEqualTo("survey.customers");
        assertThat(submit.get("data").get("state").asText()).isEqualTo("v1;dana");

        ObjectNode withErrors = AdaptiveCards.withErrors(card, Map.of("what.0", "Tell me what you hand them."),
                Map.of("what.0", List.of(), "often.0", List.of("D")));

        JsonNode errorBody = withErrors.get("body");
        assertThat(errorBody.get(3).get("id").asText()).isEqualTo("text.what.0");
        JsonNode error = errorBody.get(4);
        assertThat(error.get("type").asText()).isEqualTo("TextBlock");
        assertThat(error.get("color").asText()).isEqualTo("attention");
        assertThat(error.get("text").asText()).isEqualTo("Tell me what you hand them\\.");
        assertThat(errorBody.get(5).get("value").asText()).isEqualTo("D");
        assertThat(card.get("body")).hasSize(5);
    }
}
