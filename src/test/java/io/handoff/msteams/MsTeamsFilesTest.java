package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import tools.jackson.databind.JsonNode;

/**
 * Large files go to Teams as signed links to the app (Teams refuses activities above ~28 KB), served from Redis;
 * forget-me erases the files kept for the person.
 */
class MsTeamsFilesTest extends MsTeamsAppTest {
    private static final String PUBLIC_URL = "http://localhost:8080/files/";
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    MsTeamsSender sender;

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
        List<JsonNode> downloads = BotFrameworkFake.openUrls(BotFrameworkFake.card(activity));
        assertThat(downloads).hasSize(1);
        JsonNode download = downloads.get(0);
        // a short title that a phone shows whole, under a line naming the file
        assertThat(download.path("title").asString()).isEqualTo("Download");
        assertThat(BotFrameworkFake.texts(BotFrameworkFake.card(activity))).contains("Edges");

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
        keys.forEach(key -> assertThat(redis.ttl(key)).isBetween(MsTeamsFiles.TTL.toSeconds() - 60, MsTeamsFiles.TTL.toSeconds()));
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

    @Test
    void forgetMeErasesThePersonsFileLinksAndLeavesOthersFiles() throws Exception {
        BotFrameworkFake.TeamsUser ana = user("Ana Silva", "ana@contoso.example");
        BotFrameworkFake.TeamsUser ben = user("Ben Okoro", "ben@contoso.example");
        client.post(fake.text(ana, "home"));
        client.post(fake.text(ben, "home"));
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        PersonId anaId = PersonId.of("ana@contoso.example");
        PersonId benId = PersonId.of("ben@contoso.example");
        String anaExport = exportLink(tenant, anaId, ana, 40_000, 'a');
        String anaMap = sentMapLink(tenant, anaId, ana);
        String benExport = exportLink(tenant, benId, ben, 30_000, 'b');
        assertThat(get(anaExport).statusCode()).isEqualTo(200);
        assertThat(get(anaMap).statusCode()).isEqualTo(200);
        assertThat(redis.smembers(MsTeamsFiles.indexKey(tenant, anaId)))
                .containsExactlyInAnyOrder(fileId(anaExport), fileId(anaMap));
        assertThat(redis.ttl(MsTeamsFiles.indexKey(tenant, anaId)))
                .isBetween(MsTeamsFiles.TTL.toSeconds() - 60, MsTeamsFiles.TTL.toSeconds());

        client.post(fake.text(ana, "my-data"));
        assertThat(BotFrameworkFake.texts(client.lastCard(ana.personalConversation())))
                .contains("2 file link").contains("recently sent to you in Teams");

        client.post(fake.text(ana, "forget-me"));
        JsonNode forget = MsTeamsTestClient.button(client.lastCard(ana.personalConversation()), "survey.forget.confirm")
                .orElseThrow();
        client.post(fake.submit(ana, Map.of("action", "survey.forget.confirm", "value", forget.path("value").asString())));
        assertThat(graph.person(tenant, anaId)).isEmpty();
        assertThat(BotFrameworkFake.texts(client.lastCard(ana.personalConversation())))
                .contains("the files Handoff sent you in Teams as links");

        for (String link : List.of(anaExport, anaMap)) {
            HttpResponse<byte[]> gone = get(link);
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(new String(gone.body(), StandardCharsets.UTF_8)).contains("no longer kept");
        }
        Set<String> tenantKeys = new HashSet<>();
        ScanParams everything = new ScanParams().match("handoff:{" + tenant.value() + "}:*").count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, everything);
            tenantKeys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        assertThat(tenantKeys).doesNotContain(MsTeamsFiles.indexKey(tenant, anaId),
                MsTeamsFiles.key(tenant, fileId(anaExport)), MsTeamsFiles.key(tenant, fileId(anaMap)));
        assertThat(tenantKeys).filteredOn(key -> key.contains(":file:") || key.contains(":teams-files-of:"))
                .containsExactlyInAnyOrder(MsTeamsFiles.key(tenant, fileId(benExport)), MsTeamsFiles.indexKey(tenant, benId));

        HttpResponse<byte[]> kept = get(benExport);
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.body()).isEqualTo(export(30_000, 'b'));
    }

    /** Sends a large personal-data export to the person (too big to go inline) and answers its download link. */
    private String exportLink(TenantId tenant, PersonId id, BotFrameworkFake.TeamsUser user, int size, char fill)
            throws Exception {
        sender.send(tenant, graph.person(tenant, id).orElseThrow(), new Message("Your data",
                List.of(Paragraph.of("Your data")),
                List.of(new Attachment("handoff-my-data.json", "application/json", export(size, fill), "Your data"))));
        List<JsonNode> sent = fake.sentTo(user.personalConversation());
        String url = BotFrameworkFake.openUrls(BotFrameworkFake.card(sent.get(sent.size() - 1))).get(0).path("url")
                .asString();
        assertThat(url).startsWith(PUBLIC_URL);
        return url;
    }

    private String sentMapLink(TenantId tenant, PersonId id, BotFrameworkFake.TeamsUser user) throws Exception {
        sender.send(tenant, graph.person(tenant, id).orElseThrow(), new Message("Your map",
                List.of(Paragraph.of("map")), List.of(new Attachment("map.png", "image/png", png(50_000, 9), null))));
        List<JsonNode> sent = fake.sentTo(user.personalConversation());
        return sent.get(sent.size() - 1).path("attachments").get(1).path("contentUrl").asString();
    }

    /** The file id inside a link's signed token ({@code file\n<tenant>\n<id>\n<expiry>}). */
    private static String fileId(String url) {
        String token = url.substring(PUBLIC_URL.length());
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        return payload.split("\n")[2];
    }

    private static byte[] export(int size, char fill) {
        return ("{\"data\":\"" + String.valueOf(fill).repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
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
