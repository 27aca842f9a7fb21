package io.handoff.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.handoff.chat.Attachment;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;

/** Large files go to Teams as signed links to the app (Teams refuses activities above ~28 KB), served from Redis. */
class TeamsFilesTest extends TeamsAppTest {
    private static final String PUBLIC_URL = "http://localhost:8080/files/";
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    TeamsSender sender;

    @Autowired
    UnifiedJedis redis;

    @Test
    void aLargeMapPictureIsSentAsASignedLinkThatServesTheExactBytes() throws Exception {
        BotFrameworkFake.TeamsUser dana = user("Dana Smith", "dana@contoso.example");
        client.post(fake.text(dana, "home"));
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        Person person = graph.person(tenant, PersonId.of("dana@contoso.example")).orElseThrow();
        byte[] png = png(200_000, 1);
        byte[] icon = png(2_000, 2);
        byte[] csv = "from,to\nada,ben\n".repeat(2_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        sender.send(tenant, person, new Message("Your map", List.of(Paragraph.of("Here is your map")), List.of(
                new Attachment("map.png", "image/png", png, "Your map"),
                new Attachment("icon.png", "image/png", icon, "Icon"),
                new Attachment("edges.csv", "text/csv", csv, "Edges"))));

        List<JsonNode> sent = fake.sentTo(dana.personalConversation());
        JsonNode activity = sent.get(sent.size() - 1);
        assertThat(activity.toString().length()).isLessThan(28 * 1024);
        JsonNode attachments = activity.path("attachments");
        assertThat(attachments).hasSize(3); // card, map, icon; the CSV is a download button on the card
        String mapUrl = attachments.get(1).path("contentUrl").asString();
        assertThat(attachments.get(1).path("contentType").asString()).isEqualTo("image/png");
        assertThat(mapUrl).startsWith(PUBLIC_URL).doesNotContain("data:");
        assertThat(attachments.get(2).path("contentUrl").asString()).startsWith("data:image/png;base64,");
        JsonNode download = BotFrameworkFake.card(activity).path("actions").get(0);
        assertThat(download.path("type").asString()).isEqualTo("Action.OpenUrl");
        assertThat(download.path("title").asString()).isEqualTo("Download Edges");

        HttpResponse<byte[]> picture = get(mapUrl);
        assertThat(picture.statusCode()).isEqualTo(200);
        assertThat(picture.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(picture.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("inline").contains("map.png");
        assertThat(picture.body()).isEqualTo(png);

        HttpResponse<byte[]> export = get(download.path("url").asString());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("edges.csv");
        assertThat(export.body()).isEqualTo(csv);

        Set<String> keys = redis.keys("handoff:{" + tenant.value() + "}:file:*");
        assertThat(keys).hasSize(2);
        keys.forEach(key -> assertThat(redis.ttl(key)).isBetween(TeamsFiles.TTL.toSeconds() - 60, TeamsFiles.TTL.toSeconds()));
    }

    @Test
    void anAlteredTokenIsRefusedAndAFileNoLongerKeptIsNotFound() throws Exception {
        BotFrameworkFake.TeamsUser eli = user("Eli Rossi", "eli@contoso.example");
        client.post(fake.text(eli, "home"));
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        Person person = graph.person(tenant, PersonId.of("eli@contoso.example")).orElseThrow();
        sender.send(tenant, person, new Message("Your map", List.of(Paragraph.of("map")),
                List.of(new Attachment("map.png", "image/png", png(60_000, 3), null))));
        List<JsonNode> sent = fake.sentTo(eli.personalConversation());
        String url = sent.get(sent.size() - 1).path("attachments").get(1).path("contentUrl").asString();
        String token = url.substring(PUBLIC_URL.length());
        int dot = token.indexOf('.');

        String otherSignature = token.substring(0, dot + 1) + flip(token.substring(dot + 1));
        String otherPayload = flip(token.substring(0, dot)) + token.substring(dot);
        for (String altered : List.of(otherSignature, otherPayload, "nonsense", token + "x")) {
            HttpResponse<byte[]> refused = get(PUBLIC_URL + altered);
            assertThat(refused.statusCode()).as(altered).isEqualTo(403);
            assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("not valid");
        }

        redis.keys("handoff:{" + tenant.value() + "}:file:*").forEach(redis::del);
        assertThat(get(url).statusCode()).isEqualTo(404);
    }

    private HttpResponse<byte[]> get(String url) throws Exception {
        assertThat(url).startsWith(PUBLIC_URL);
        URI local = URI.create("http://localhost:" + port + "/files/" + url.substring(PUBLIC_URL.length()));
        return http.send(HttpRequest.newBuilder(local).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String flip(String text) {
        char first = text.charAt(0);
        return (first == 'A' ? 'B' : 'A') + text.substring(1);
    }

    private static byte[] png(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }
}
