package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.handoff.empathy.Story;
import io.handoff.empathy.StoryStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import tools.jackson.databind.JsonNode;

/**
 * "Let's talk" on Teams, through signed activities: the bot cannot create the chat, so each of the two gets the story
 * with an Action.OpenUrl to Teams' new-chat deep link whose {@code users} is the other person's UPN.
 */
class MsTeamsLetsTalkTest extends MsTeamsAppTest {
    @Autowired
    StoryStore stories;

    @Test
    void eachOfTheTwoGetsADeepLinkToAChatWithTheOther() {
        BotFrameworkFake.TeamsUser ana = user("Ana Silva", "ana@contoso.example");
        BotFrameworkFake.TeamsUser dana = user("Dana Smith", "dana@contoso.example");
        assertThat(client.post(fake.text(ana, "home")).statusCode()).isEqualTo(200);
        assertThat(client.post(fake.text(dana, "home")).statusCode()).isEqualTo(200);
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        String id = StoryStore.newId();
        Story draft = Story.draft(id, PersonId.of("ana@contoso.example"), PersonId.of("dana@contoso.example"),
                "loaded trucks", new Story.Written("Good day: drop order. Bad day: **forty** parcels [re-sorted](x).",
                        4, false, false), Instant.now());
        stories.saveDraft(tenant, draft);
        stories.markSent(tenant, draft, Instant.now());
        int anaBefore = fake.sentTo(ana.personalConversation()).size();

        assertThat(client.post(fake.submit(ana, Map.of("action", "story.react", "value", id + ":talk")))
                .statusCode()).isEqualTo(200);

        JsonNode toDana = await().atMost(Duration.ofSeconds(20)).until(() -> withChatLink(dana), c -> c != null);
        JsonNode toAna = await().atMost(Duration.ofSeconds(20)).until(() -> withChatLink(ana), c -> c != null);
        assertThat(chatLink(toDana)).satisfies(link -> {
            assertThat(link.getScheme()).isEqualTo("https");
            assertThat(link.getHost()).isEqualTo("teams.microsoft.com");
            assertThat(link.getPath()).isEqualTo("/l/chat/0/0");
            Map<String, String> query = query(link);
            assertThat(query.get("users")).isEqualTo("ana@contoso.example");
            assertThat(query.get("topicName")).startsWith("Handoff: ").contains("loaded trucks");
            assertThat(query.get("message")).isEqualTo("Hi Ana, ");
        });
        assertThat(query(chatLink(toAna)).get("users")).isEqualTo("dana@contoso.example");
        assertThat(openUrlTitles(toDana)).contains("Open a chat with Ana");
        assertThat(BotFrameworkFake.texts(toDana)).contains("loaded trucks")
                .contains("**forty** parcels [re-sorted](x)").doesNotContain("\\");
        // the typed asterisks are text, not bold: no bold run holds them
        assertThat(BotFrameworkFake.boldTexts(toDana)).noneMatch(bold -> bold.contains("forty"));
        assertThat(toDana.toString()).doesNotContain("\"TextBlock\"");
        List<JsonNode> toAnaAll = fake.sentTo(ana.personalConversation());
        assertThat(toAnaAll.subList(anaBefore, toAnaAll.size()).toString())
                .contains("Both of you have a link to start a chat");
        assertThat(stories.talk(tenant, id)).hasValue("links:teams");
    }

    /** The newest card sent to the user that carries the new-chat deep link, or null. */
    private JsonNode withChatLink(BotFrameworkFake.TeamsUser user) {
        List<JsonNode> sent = new ArrayList<>(fake.sentTo(user.personalConversation()));
        for (int i = sent.size() - 1; i >= 0; i--) {
            for (JsonNode attachment : sent.get(i).path("attachments")) {
                JsonNode card = attachment.path("content");
                if (chatLink(card) != null) {
                    return card;
                }
            }
        }
        return null;
    }

    private static URI chatLink(JsonNode card) {
        for (JsonNode element : card.path("body")) {
            for (JsonNode action : element.path("actions")) {
                String url = action.path("url").asString("");
                if ("Action.OpenUrl".equals(action.path("type").asString()) && url.startsWith(MsTeamsGroupChats.DEEP_LINK)) {
                    return URI.create(url);
                }
            }
        }
        return null;
    }

    private static List<String> openUrlTitles(JsonNode card) {
        List<String> titles = new ArrayList<>();
        card.path("body").forEach(element -> element.path("actions").forEach(action -> {
            if ("Action.OpenUrl".equals(action.path("type").asString())) {
                titles.add(action.path("title").asString());
            }
        }));
        return titles;
    }

    private static Map<String, String> query(URI link) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : link.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
