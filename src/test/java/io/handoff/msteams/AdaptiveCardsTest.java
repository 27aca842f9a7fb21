package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

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
import io.handoff.graph.TeamId;

/** Rendering of the chat port as Adaptive Cards as a Teams user sees them, on desktop and on a phone. */
class AdaptiveCardsTest {
    private static final AdaptiveCards.Directory NOBODY = new AdaptiveCards.Directory(List.of(), Optional.empty());

    // ---- text: plain runs, no backslashes, no markup from what people type ----

    @Test
    void sentencesAreSentAsPlainTextRunsWithoutABackslashAClientCouldShow() {
        Message message = new Message("Thanks", List.of(new Heading("Done!"),
                Paragraph.of("Thanks. Your answer is saved! (3 of 5) #1 - ok"),
                Paragraph.builder().plain("Ask ").strong("Dana Smith").plain(" first.").build()));

        JsonNode card = (JsonNode) AdaptiveCards.message(message).get(0).getContent();

        assertThat(card.findValues("type")).extracting(JsonNode::asText).doesNotContain("TextBlock");
        List<JsonNode> runs = card.findValues("inlines").stream().flatMap(inlines -> stream(inlines)).toList();
        assertThat(runs).extracting(run -> run.get("text").asText())
                .containsExactly("Done!", "Thanks. Your answer is saved! (3 of 5) #1 - ok", "Ask ", "Dana Smith",
                        " first.");
        assertThat(runs).allSatisfy(run -> assertThat(run.get("text").asText()).doesNotContain("\\"));
        assertThat(runs.get(3).get("weight").asText()).isEqualTo("bolder");
        assertThat(runs.get(2).has("weight")).isFalse();
        assertThat(AdaptiveCardRules.problems(card)).isEmpty();
    }

    @Test
    void typedMarkupAndLinksStayLiteralTextNeverMarkdownNorALink() {
        String typed = "**bold** _it_ [click](https://evil.example) <at>all</at> # title `code` 1. item www.x.example";
        Message message = new Message("Dana says", List.of(Paragraph.builder().strong("Dana").plain(" says: " + typed)
                .build()));

        JsonNode card = (JsonNode) AdaptiveCards.message(message).get(0).getContent();

        JsonNode block = card.get("body").get(0);
        assertThat(block.get("type").asText()).isEqualTo("RichTextBlock");
        String shown = block.get("inlines").get(1).get("text").asText();
        assertThat(shown.replace("\u2060", "")).isEqualTo(" says: " + typed); // as typed, nothing escaped
        assertThat(shown).doesNotContain("https://").doesNotContain("www.x").doesNotContain("\\");
        assertThat(block.get("inlines").get(1).has("weight")).isFalse(); // typed ** does not make it bold
        assertThat(card.toString()).doesNotContain("\"TextBlock\"").doesNotContain("msteams");
    }

    @Test
    void lineBreaksBecomeBlocksSoEveryRendererShowsThem() {
        JsonNode card = (JsonNode) AdaptiveCards.message(new Message("Your data",
                List.of(Paragraph.of("Name: Pat\nTeam: Sorting\n\nHandoffs: 3")))).get(0).getContent();

        JsonNode body = card.get("body");
        assertThat(body).hasSize(3);
        assertThat(CardText.plain(body)).isEqualTo("Name: Pat\nTeam: Sorting\nHandoffs: 3");
        assertThat(body.get(1).get("spacing").asText()).isEqualTo("none");
        assertThat(body.get(2).get("spacing").asText()).isEqualTo("medium");
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
        JsonNode card = (JsonNode) attachments.get(0).getContent();
        assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.get("version").asText()).isEqualTo("1.5");
        assertThat(card.get("fallbackText").asText()).isEqualTo("Dana asks");
        JsonNode body = card.get("body");
        assertThat(CardText.plain(List.of(body.get(0)))).isEqualTo("Confirm a handoff");
        assertThat(CardText.plain(List.of(body.get(1)))).isEqualTo("Dana *Smith* says you hand them [stuff]");
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
        assertThat(attachments.get(1).getContentUrl()).isEqualTo("data:image/png;base64,AQID");
        assertThat(AdaptiveCardRules.problems(card)).isEmpty();
    }

    @Test
    void aLinkedFileGetsAShortDownloadButtonUnderItsNameThatFitsAPhone() {
        Message message = new Message("Your map", List.of(Paragraph.of("Here is your map.")),
                List.of(new io.handoff.chat.Attachment("handoff-map-of-the-whole-organisation.graphml",
                        "application/xml", new byte[] {1}, "Map of the whole organisation (GraphML)")));

        List<Attachment> attachments = AdaptiveCards.message(message, file -> "https://handoff.example/f/abc");

        JsonNode card = (JsonNode) attachments.get(0).getContent();
        List<JsonNode> opens = card.findParents("url");
        assertThat(opens).hasSize(1);
        assertThat(opens.get(0).get("title").asText()).isEqualTo("Download");
        assertThat(CardText.plain(card.get("body"))).contains("Map of the whole organisation (GraphML)");
        assertThat(card.has("actions")).isFalse(); // no card-level action row, whose titles are clipped on phones
        assertThat(AdaptiveCardRules.problems(card)).isEmpty();
    }

    // ---- the friction poll: a compact choice that fits 320 pixels ----

    @Test
    void aScaleIsOneCompactChoiceWithASendButtonNotFiveClippedButtons() {
        List<Button> scores = IntStream.rangeClosed(1, 5).mapToObj(score -> Button.of(score
                + (score == 1 ? " (got in the way)" : score == 5 ? " (very well)" : ""),
                new Action("friction.rate", "sam:" + score))).toList();
        Message poll = new Message("How well?", List.of(Paragraph.of("How well did Sam Okafor's route plan serve you?"),
                Buttons.scale("Your score, 1 to 5", scores),
                Buttons.of(Button.of("Answer with what got in the way", new Action("friction.why", "sam")))));

        JsonNode card = (JsonNode) AdaptiveCards.message(poll).get(0).getContent();

        JsonNode choice = card.get("body").get(1);
        assertThat(choice.get("type").asText()).isEqualTo("Input.ChoiceSet");
        assertThat(choice.get("style").asText()).isEqualTo("compact");
        assertThat(choice.get("id").asText()).isEqualTo("value");
        assertThat(choice.get("label").asText()).isEqualTo("Your score, 1 to 5");
        assertThat(choice.get("isRequired").asBoolean()).isTrue();
        assertThat(choice.get("choices").findValuesAsText("value")).containsExactly("sam:1", "sam:2", "sam:3",
                "sam:4", "sam:5");
        JsonNode send = card.get("body").get(2).get("actions");
        assertThat(send).hasSize(1);
        assertThat(send.get(0).get("title").asText()).isEqualTo("Send");
        assertThat(send.get(0).get("data").get("action").asText()).isEqualTo("friction.rate");
        assertThat(send.get(0).get("data").has("value")).isFalse(); // the input's value is merged in on submit
        // no action row anywhere holds more than the one or two buttons a phone can show
        assertThat(card.findValues("actions")).allSatisfy(actions -> assertThat(actions.size()).isLessThanOrEqualTo(2));
        assertThat(AdaptiveCardRules.problems(card)).isEmpty();
    }

    @Test
    void aSecondScaleOnOneCardStaysButtonsSoTheTwoValuesCannotCollide() {
        List<Button> first = List.of(Button.of("1", new Action("a.rate", "x:1")), Button.of("2", new Action("a.rate", "x:2")));
        List<Button> second = List.of(Button.of("1", new Action("b.rate", "y:1")), Button.of("2", new Action("b.rate", "y:2")));

        JsonNode card = (JsonNode) AdaptiveCards.message(new Message("Two", List.of(Buttons.scale("First", first),
                Buttons.scale("Second", second)))).get(0).getContent();

        assertThat(card.findValuesAsText("id")).containsExactly("value");
        assertThat(card.get("body").get(2).get("actions").findValuesAsText("value")).containsExactly("y:1", "y:2");
    }

    // ---- the people picker ----

    @Test
    void someoneNamedBeforeWhoIsNotInTheDirectoryStaysPickedWithoutTheirId() {
        Form form = new Form("f", "Your customers", "Next", "", List.of(
                new Field.PeoplePicker("people", "Who?", true, List.of("gone@depot.example"), List.of(), 10, null)));

        ObjectNode card = AdaptiveCards.form(form, NOBODY);

        JsonNode list = input(card, "people.people");
        assertThat(list.get("value").asText()).isEqualTo("gone@depot.example"); // submitting keeps the handoff
        assertThat(list.get("choices").get(0).get("title").asText()).isEqualTo("A colleague not in the directory");
    }

    @Test
    void aPickerCardDeclaresTheVersionItsSearchNeedsAndOffersAShortListNotTheWholeRoster() {
        List<Person> roster = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            roster.add(Person.of(String.format("p%03d", i), String.format("Person %03d", i), i < 20 ? "sort" : "drivers"));
        }
        roster.add(Person.of("dana", "Dana Smith", "drivers"));
        roster.add(Person.of("lee", "Lee Marsh", "preload"));
        Form form = new Form("survey.customers.pick", "Your internal customers", "Next", "", List.of(
                new Field.Note("intro", Paragraph.of("The colleagues who use what you hand over.")),
                new Field.PeoplePicker("people", "Who depends on your work?", true, List.of("dana"), List.of("lee"),
                        10, null)));

        ObjectNode card = AdaptiveCards.form(form, new AdaptiveCards.Directory(roster, Optional.of(TeamId.of("sort"))));

        assertThat(card.get("version").asText()).isEqualTo(AdaptiveCards.PICKER_VERSION).isEqualTo("1.6");
        JsonNode list = input(card, "people.people");
        assertThat(list.get("style").asText()).isEqualTo("expanded");
        assertThat(list.get("isMultiSelect").asBoolean()).isTrue();
        // the person already named, the colleague they work with, then teammates: 1 + 8 at most
        assertThat(list.get("choices")).hasSize(1 + AdaptiveCards.LIKELY_PEOPLE);
        assertThat(list.get("choices").findValuesAsText("value")).startsWith("dana", "lee", "p000")
                .allSatisfy(id -> assertThat(id).matches("dana|lee|p0[01]\\d"));
        assertThat(list.get("choices").get(0).get("title").asText()).isEqualTo("Dana Smith");
        assertThat(list.get("value").asText()).isEqualTo("dana");
        assertThat(list.get("label").asText()).isEqualTo("Who depends on your work? Up to 10 people.");
        JsonNode search = input(card, "find.people");
        assertThat(search.get("style").asText()).isEqualTo("filtered");
        assertThat(search.get(AdaptiveCards.DATA_QUERY_KEY).get("dataset").asText()).isEqualTo("handoff.people");
        assertThat(search.get("choices")).isEmpty(); // nothing for a renderer to list as a hundred checkboxes
        assertThat(search.has("value")).isFalse(); // nor to show as raw ids in a text box
        assertThat(search.get("placeholder").asText()).contains("up to 10 people");
        assertThat(AdaptiveCardRules.problems(card)).isEmpty();
    }

    @Test
    void aCardWithoutAPickerStaysAtTheVersionEveryClientRenders() {
        Form form = new Form("friction.answer", "How did it go?", "Send", "", List.of(
                new Field.TextInput("comment", "What got in the way?", true, 500, true, null, "Optional")));

        ObjectNode card = AdaptiveCards.form(form, NOBODY);

        assertThat(card.get("version").asText()).isEqualTo("1.5");
        assertThat(AdaptiveCardRules.problems(card)).isEmpty();
        // and the checker catches a picker's search on a 1.5 card
        ObjectNode downgraded = AdaptiveCards.form(new Form("f", "t", "Next", "", List.of(
                new Field.PeoplePicker("people", "Who?", true, List.of()))), NOBODY);
        downgraded.put("version", "1.5");
        assertThat(AdaptiveCardRules.problems(downgraded)).anyMatch(p -> p.contains("choices.data"))
                .anyMatch(p -> p.contains("filtered"));
    }

    @Test
    void someoneNewWithNoColleaguesYetGetsTheSearchWithTheLimitInItsLabel() {
        Form form = new Form("f", "Your suppliers", "Next", "", List.of(
                new Field.PeoplePicker("people", "Whose work do you depend on?", true, List.of(), List.of(), 10, null)));

        ObjectNode card = AdaptiveCards.form(form, NOBODY);

        assertThat(input(card, "people.people")).isNull();
        assertThat(input(card, "find.people").get("label").asText())
                .isEqualTo("Whose work do you depend on? Up to 10 people.");
    }

    @Test
    void errorsSitUnderTheirFieldAndPeopleFoundBySearchComeBackByName() {
        List<Person> roster = List.of(Person.of("dana", "Dana Smith", null), Person.of("sam", "Sam Lee", null));
        Form form = new Form("survey.customers.pick", "Who depends on your work?", "Next", "", List.of(
                new Field.PeoplePicker("people", "Your customers", true, List.of("dana"), List.of(), 10, null)));
        ObjectNode card = AdaptiveCards.form(form, new AdaptiveCards.Directory(roster, Optional.empty()));

        ObjectNode again = AdaptiveCards.withErrors(card, Map.of("people", "Pick at most 10 people for now."),
                Map.of("people", List.of("dana", "zoe")), id -> id.equals("zoe") ? Optional.of("Zoe Quinn")
                        : Optional.empty());

        JsonNode body = again.get("body");
        assertThat(input(again, "people.people").get("value").asText()).isEqualTo("dana");
        JsonNode search = input(again, "find.people");
        assertThat(search.get("value").asText()).isEqualTo("zoe");
        assertThat(search.get("choices").get(0).get("title").asText()).isEqualTo("Zoe Quinn");
        int searchAt = indexOf(body, "find.people");
        assertThat(body.get(searchAt + 1).get("id").asText()).isEqualTo("error.people");
        assertThat(CardText.plain(List.of(body.get(searchAt + 1)))).isEqualTo("Pick at most 10 people for now.");
        assertThat(AdaptiveCardRules.problems(again)).isEmpty();
    }

    // ---- forms: grouped per person, placeholders, messages in words ----

    @Test
    void aLongFormIsGroupedPerPersonWithPlaceholdersAndRequiredMessagesInWords() {
        Form form = new Form("survey.customers.terms", "What you hand over", "Next", "v1;dana,sam", List.of(
                new Field.Section("about.0", Paragraph.builder().strong("Dana Smith").plain(" · Drivers").build()),
                new Field.TextInput("what.0", "What do you hand them?", false, 80, false, null, "e.g. trucks",
                        "Say in a few words what you hand them"),
                new Field.Choice("often.0", "How often?", false,
                        List.of(new Field.Option("Daily", "daily"), new Field.Option("Weekly", "weekly")), null,
                        "Choose how often", "Say how often you hand this over"),
                new Field.Section("about.1", Paragraph.builder().strong("Sam Lee").build()),
                new Field.Choice("often.1", "How often?", false,
                        List.of(new Field.Option("Daily", "daily")), "daily")));

        ObjectNode card = AdaptiveCards.form(form, NOBODY);

        JsonNode body = card.get("body");
        List<JsonNode> headings = new ArrayList<>();
        body.forEach(element -> {
            if (element.path("separator").asBoolean()) {
                headings.add(element);
            }
        });
        assertThat(headings).extracting(h -> CardText.plain(List.of(h)))
                .containsExactly("Dana Smith · Drivers", "Sam Lee");
        assertThat(headings).allSatisfy(h -> assertThat(h.get("spacing").asText()).isEqualTo("large"));
        JsonNode often = input(card, "choice.often.0");
        assertThat(often.get("placeholder").asText()).isEqualTo("Choose how often");
        assertThat(often.get("errorMessage").asText()).isEqualTo("Say how often you hand this over");
        assertThat(input(card, "text.what.0").get("errorMessage").asText())
                .isEqualTo("Say in a few words what you hand them");
        assertThat(input(card, "choice.often.1").get("placeholder").asText()).isEqualTo("Choose");
        assertThat(card.findValuesAsText("errorMessage")).noneMatch(m -> m.startsWith("Please fill in"));
        assertThat(card.get("version").asText()).isEqualTo("1.5");
        assertThat(AdaptiveCardRules.problems(card)).isEmpty();

        ObjectNode again = AdaptiveCards.withErrors(card, Map.of("what.0", "Say in a few words what you hand them."),
                Map.of("what.0", List.of(), "often.0", List.of("daily")), id -> Optional.empty());
        JsonNode errorBody = again.get("body");
        int what = indexOf(errorBody, "text.what.0");
        assertThat(errorBody.get(what + 1).get("id").asText()).isEqualTo("error.what.0");
        assertThat(CardText.plain(List.of(errorBody.get(what + 1))))
                .isEqualTo("Say in a few words what you hand them.");
        assertThat(input(again, "choice.often.0").get("value").asText()).isEqualTo("daily");
        assertThat(AdaptiveCardRules.problems(again)).isEmpty();
    }

    private static JsonNode input(JsonNode card, String id) {
        for (JsonNode element : card.get("body")) {
            if (id.equals(element.path("id").asText())) {
                return element;
            }
        }
        return null;
    }

    private static int indexOf(JsonNode body, String id) {
        for (int i = 0; i < body.size(); i++) {
            if (id.equals(body.get(i).path("id").asText())) {
                return i;
            }
        }
        return -1;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
