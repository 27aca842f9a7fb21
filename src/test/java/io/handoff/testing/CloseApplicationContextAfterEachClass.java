package io.handoff.testing;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Closes a test class's application context when the class is done, instead of leaving it in Spring's context cache.
 * Every Handoff context runs a job worker that serves all installed tenants of the shared test Redis: cached contexts
 * would go on claiming the jobs of later test classes and deliver them to their own stubbed Slack or Bot Framework
 * server, so the test that enqueued them would wait in vain. Registered for all tests in
 * {@code META-INF/spring.factories}; ordered first, so that among the after-class callbacks (run in reverse order) it
 * is the last and no other listener finds the context already gone.
 */
public final class CloseApplicationContextAfterEachClass implements TestExecutionListener, Ordered {

    @Override
    public void afterTestClass(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.markApplicationContextDirty(null);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
