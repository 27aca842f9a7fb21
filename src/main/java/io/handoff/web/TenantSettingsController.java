package io.handoff.web;

import java.util.Iterator;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Refusal;
import io.handoff.graph.TenantId;
import io.handoff.settings.InvalidSettingsException;
import io.handoff.settings.TenantSettings;
import io.handoff.settings.TenantSettingsStore;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET/PUT /api/v1/tenants/{tenant}/settings}: a tenant's cadences, working days and hours, privacy thresholds,
 * weekly cap, digest channel and the managers' weekly report digest. PUT replaces all settings; a field left out takes its default. Unknown fields and
 * invalid values are refused with 400 and a problem detail that lists every problem.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/settings")
class TenantSettingsController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS = Set.of("frictionPollEvery", "storyPromptEvery", "surveyReminderEvery",
            "workingDays", "workdayStart", "workdayEnd", "minRespondents", "minCommentRespondents", "weeklyCap",
            "staleAfter", "digestChannel", "managerReportDigest");

    private final GraphStore store;
    private final TenantSettingsStore settings;

    TenantSettingsController(GraphStore store, TenantSettingsStore settings) {
        this.store = store;
        this.settings = settings;
    }

    @GetMapping
    TenantSettings get(@PathVariable String tenant) {
        return settings.settings(existingTenant(tenant));
    }

    @PutMapping
    TenantSettings put(@PathVariable String tenant, @RequestBody JsonNode body) {
        TenantId id = existingTenant(tenant);
        if (body == null || !body.isObject()) {
            throw new Refusal("settings must be a JSON object with the fields " + FIELDS);
        }
        for (Iterator<String> names = body.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new Refusal("unknown setting '" + name + "'; the settings are " + FIELDS);
            }
        }
        TenantSettings parsed;
        try {
            parsed = JSON.treeToValue(body, TenantSettings.class);
        } catch (JacksonException e) {
            throw new Refusal("a setting has the wrong form (periods like P7D, times like 09:00, "
                    + "days like MONDAY): " + firstLine(e.getOriginalMessage()));
        }
        return settings.save(id, parsed);
    }

    @ExceptionHandler(InvalidSettingsException.class)
    ProblemDetail invalid(InvalidSettingsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the settings were not saved: " + String.join("; ", e.problems()));
        problem.setTitle("Invalid settings");
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the settings must be a JSON object with the fields " + FIELDS);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private TenantId existingTenant(String tenant) {
        TenantId id = TenantId.of(tenant);
        if (store.tenant(id).isEmpty()) {
            throw new NotFoundException("no tenant '" + id + "'");
        }
        return id;
    }
}
