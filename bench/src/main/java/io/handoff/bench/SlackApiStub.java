package io.handoff.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;

/**
 * WireMock in this JVM playing the Slack Web API for a single workspace ({@link SlackRequests#TEAM}): every method
 * Handoff and the bare Bolt app call answers {@code ok}, the file upload's three calls included.
 */
final class SlackApiStub implements AutoCloseable {
    final WireMockServer server;

    SlackApiStub(boolean journal) {
        WireMockConfiguration options = wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(150);
        server = new WireMockServer(journal ? options : options.disableRequestJournal());
        server.start();
        ok("auth.test", """
                {"ok":true,"url":"https://bench.slack.com/","team":"Bench depot","user":"handoff","team_id":"%s",
                 "user_id":"UBOT","bot_id":"BBOT","is_enterprise_install":false}""".formatted(SlackRequests.TEAM));
        ok("usergroups.list", "{\"ok\":true,\"usergroups\":[]}");
        ok("chat.postMessage", "{\"ok\":true,\"channel\":\"D0DM\",\"ts\":\"1700000000.000100\"}");
        ok("views.open", "{\"ok\":true,\"view\":{\"id\":\"V0MODAL\"}}");
        ok("views.publish", "{\"ok\":true,\"view\":{\"id\":\"V0HOME\"}}");
        ok("conversations.open", "{\"ok\":true,\"channel\":{\"id\":\"D0DM\"}}");
        ok("files.getUploadURLExternal", "{\"ok\":true,\"upload_url\":\"" + baseUrl() + "/upload/F0MAP\","
                + "\"file_id\":\"F0MAP\"}");
        server.stubFor(post(urlEqualTo("/upload/F0MAP")).willReturn(aResponse().withStatus(200).withBody("OK")));
        ok("files.completeUploadExternal", "{\"ok\":true,\"files\":[{\"id\":\"F0MAP\",\"title\":\"map\"}]}");
        // a command's response URL (SLACK_RESPONSE_URL_BASE points here): Slack answers a post to it with "ok"
        server.stubFor(post(urlMatching("/commands/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
        ok("users.profile.get", "{\"ok\":true,\"profile\":{\"status_text\":\"\",\"status_emoji\":\"\"}}");
    }

    private void ok(String method, String json) {
        server.stubFor(post(urlEqualTo("/api/" + method)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(json)));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A command's response URL at the stub (with {@code handoff.slack.response-url-base} set to the stub). */
    String responseUrl() {
        return baseUrl() + "/commands/1";
    }

    /** The Web API base URL, as {@code SLACK_API_URL} and the SDK take it. */
    String apiUrl() {
        return baseUrl() + "/api/";
    }

    /** A Slack SDK instance whose Web API calls go to the stub. */
    Slack slack() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl());
        config.setFailOnUnknownProperties(false);
        config.setPrettyResponseLoggingEnabled(false);
        return Slack.getInstance(config);
    }

    @Override
    public void close() {
        server.stop();
    }
}
