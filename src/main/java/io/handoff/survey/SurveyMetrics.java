package io.handoff.survey;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The counter {@code handoff.survey.completions}: surveys finished, that is both halves (who depends on your work,
 * whose work you depend on) saved and the summary sent. It exists from the start, at zero.
 */
@Component
public class SurveyMetrics {
    public static final String COMPLETIONS = "handoff.survey.completions";
    /** For surveys built outside the application (tests, tools): counts nowhere anyone looks. */
    static final SurveyMetrics NONE = new SurveyMetrics(new SimpleMeterRegistry());

    private final Counter completions;

    public SurveyMetrics(MeterRegistry meters) {
        this.completions = Counter.builder(COMPLETIONS).description("surveys finished (both halves saved)")
                .register(meters);
    }

    void completed() {
        completions.increment();
    }
}
