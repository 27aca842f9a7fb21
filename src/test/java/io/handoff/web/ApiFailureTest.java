package io.handoff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.handoff.chat.FailureReference;
import jakarta.servlet.http.HttpServletResponse;
import io.handoff.graph.Refusal;
import io.handoff.graph.TenantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answer to failures through Spring MVC with the real {@link ApiExceptionHandler}: a refusal's text in a 400
 * problem detail; any other exception (a stray NumberFormatException, an IllegalArgumentException that is no refusal)
 * a 500 problem detail with a generic detail and a reference that is in the ERROR log, never the exception's text.
 */
class ApiFailureTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Endpoints that fail the ways a controller can. */
    @RestController
    static class FailingController {
        @GetMapping("/api/v1/failing/refused")
        String refused() {
            throw new Refusal("limit must be between 1 and 100");
        }

        @GetMapping("/api/v1/failing/id/{tenant}")
        String badId(@PathVariable String tenant) {
            return TenantId.of(tenant).value();
        }

        @GetMapping("/api/v1/failing/number")
        String number() {
            return Integer.toString(Integer.parseInt("twelve"));
        }

        @GetMapping("/api/v1/failing/after-commit")
        void afterCommit(HttpServletResponse response) throws IOException {
            response.getWriter().write("partial");
            response.flushBuffer();
            throw new HttpMessageNotWritableException("Could not write JSON: Broken pipe", new IOException("Broken pipe"));
        }

        @GetMapping("/api/v1/failing/argument")
        String argument() {
            throw new IllegalArgumentException("internal detail 0x2f of the store");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController())
            .setControllerAdvice(new ApiExceptionHandler()).build();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ApiExceptionHandler.class);

    ApiFailureTest() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(logged);
    }

    @Test
    void aRefusalIsA400WithItsText() throws Exception {
        MockHttpServletResponse refused = call("/api/v1/failing/refused");
        MockHttpServletResponse badId = call("/api/v1/failing/id/no%20spaces");

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(refused.getContentAsString()).get("detail").asString())
                .isEqualTo("limit must be between 1 and 100");
        assertThat(JSON.readTree(refused.getContentAsString()).get("type").asString())
                .isEqualTo("https://handoff.dev/problems/invalid-request");
        assertThat(badId.getStatus()).isEqualTo(400);
        assertThat(JSON.readTree(badId.getContentAsString()).get("detail").asString()).contains("tenant");
        assertThat(logged.list).noneMatch(e -> e.getLevel() == Level.ERROR);
    }

    @Test
    void aFaultIsA500WithAGenericDetailAndAReferenceInTheLogNeverItsText() throws Exception {
        for (String path : new String[] {"/api/v1/failing/number", "/api/v1/failing/argument"}) {
            MockHttpServletResponse response = call(path);

            assertThat(response.getStatus()).as(path).isEqualTo(500);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            String body = response.getContentAsString();
            assertThat(body).doesNotContain("For input string").doesNotContain("twelve").doesNotContain("0x2f")
                    .doesNotContain("Exception");
            JsonNode problem = JSON.readTree(body);
            String reference = problem.get("reference").asString();
            assertThat(problem.get("type").asString()).isEqualTo("https://handoff.dev/problems/internal");
            assertThat(problem.get("title").asString()).isEqualTo("Internal error");
            assertThat(reference).matches("[0-9a-f]{10}");
            assertThat(problem.get("detail").asString()).isEqualTo(
                    "something went wrong on our side; the error has been logged with reference " + reference);
            ILoggingEvent entry = logged.list.stream().filter(e -> e.getFormattedMessage().contains(reference))
                    .findFirst().orElseThrow();
            assertThat(entry.getLevel()).isEqualTo(Level.ERROR);
            assertThat(entry.getMDCPropertyMap()).containsEntry(FailureReference.MDC_KEY, reference);
            assertThat(entry.getThrowableProxy().getClassName()).isIn(NumberFormatException.class.getName(),
                    IllegalArgumentException.class.getName());
        }
    }

    @Test
    void aClientThatHungUpWhileItsAnswerWasWrittenIsNoWarning() throws Exception {
        MockHttpServletResponse response = call("/api/v1/failing/after-commit");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("partial");
        assertThat(logged.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
    }

    private MockHttpServletResponse call(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse();
    }
}
