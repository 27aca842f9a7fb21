package io.handoff.slack;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A WireMock standing in for the Slack Web API, started on a free port as soon as it is made (so a test class can
 * stub it in a static block, before the app starts) and stopped after the test class when registered with
 * {@code @RegisterExtension}.
 */
final class FakeSlackApi extends WireMockServer implements AfterAllCallback {
    FakeSlackApi() {
        super(WireMockConfiguration.options().dynamicPort());
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }
}
