package io.handoff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.testing.AllSettings;
import io.handoff.testing.TestRedis;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzzes {@code PUT /api/v1/tenants/{t}/settings} through Spring MVC (the real controller, its exception handlers and
 * the store on the test Redis; no application context): any body is saved (200) or refused with 400, never a 500.
 */
class TenantSettingsFuzzTest {
    private static final List<String> FIELDS = List.of("frictionPollEvery", "storyPromptEvery", "surveyReminderEvery",
            "workingDays", "workdayStart", "workdayEnd", "minRespondents", "minCommentRespondents", "weeklyCap",
            "staleAfter", "digestChannel", "managerReportDigest");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final MockMvc mvc;

    TenantSettingsFuzzTest() {
        RedisGraphStore graph = new RedisGraphStore(TestRedis.client());
        graph.saveTenant(new Tenant(tenant, "Fuzzed depot", null, null, null, Instant.parse("2026-01-05T10:00:00Z")));
        mvc = MockMvcBuilders.standaloneSetup(new TenantSettingsController(graph,
                AllSettings.store(TestRedis.client()))).setControllerAdvice(new ApiExceptionHandler()).build();
    }

    @FuzzTest(maxExecutions = 3_000)
    void savesOrRefusesWith400(FuzzedDataProvider data) throws Exception {
        String body = data.consumeBoolean() ? structured(data) : data.consumeRemainingAsString();
        int status = mvc.perform(put("/api/v1/tenants/" + tenant.value() + "/settings")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();

        assertThat(status).as("PUT %s", body).isIn(200, 400);
    }

    /** An object of known fields (now and then an unknown one) with values of every JSON kind. */
    private static String structured(FuzzedDataProvider data) {
        ObjectNode settings = JSON.createObjectNode();
        int fields = data.consumeInt(0, 6);
        for (int i = 0; i < fields; i++) {
            String field = data.consumeInt(0, 12) == 12 ? data.consumeString(12) : data.pickValue(FIELDS);
            switch (data.consumeInt(0, 5)) {
                case 0 -> settings.put(field, data.consumeInt());
                case 1 -> settings.put(field, data.consumeBoolean());
                case 2 -> settings.putNull(field);
                case 3 -> settings.putArray(field).add(data.consumeString(12)).add(data.consumeString(12));
                case 4 -> settings.put(field, data.consumeDouble());
                default -> settings.put(field, data.consumeString(24));
            }
        }
        return settings.toString();
    }
}
