package io.handoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.handoff.testing.TestAppProperties;

/**
 * Every route the application maps (controllers of every adapter, with the playground and Teams on, and every extra
 * servlet) is claimed by the filter chain of its route family, never left to the deny-by-default chain: a new
 * endpoint added without a security rule fails here (and answers 403 until a rule opens it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RouteCoverageTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedisWithAdminToken(registry);
        registry.add("handoff.playground.enabled", () -> "true");
        TestAppProperties.teamsPointingNowhere(registry);
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    List<SecurityFilterChain> chains;

    @Autowired
    @Qualifier("denyEverythingElseChain")
    SecurityFilterChain denyByDefault;

    @Test
    void everyMappedRouteHasTheRuleOfItsFamily() {
        List<String> checked = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("GET", "POST")
                    : info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).toList();
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue; // reached only by the container's error dispatch, which the last chain lets through
                }
                for (String method : methods) {
                    String path = pattern.replaceAll("\\{[^}]+}", "x1");
                    checked.add(method + " " + path);
                    if (chainFor(method, path) == denyByDefault) {
                        uncovered.add(method + " " + pattern + " (" + mapping.getValue() + ")");
                    }
                }
            }
        }
        for (ServletRegistrationBean<?> servlet : context.getBeansOfType(ServletRegistrationBean.class).values()) {
            for (String url : servlet.getUrlMappings()) {
                if (!url.equals("/")) {
                    String path = url.replace("/*", "/x1");
                    checked.add("POST " + path);
                    if (chainFor("POST", path) == denyByDefault) {
                        uncovered.add("POST " + url + " (servlet " + servlet.getServletName() + ")");
                    }
                }
            }
        }

        assertThat(checked).contains("GET /api/v1/tenants/x1/graph", "PUT /api/v1/tenants/x1/settings",
                "POST /api/v1/tenants/x1/roster", "PUT /api/v1/tenants/x1/journeys/x1",
                "POST /api/v1/tenants/x1/journeys/x1/signals", "GET /maps/x1", "GET /maps/x1/data", "GET /files/x1",
                "POST /api/messages", "GET /", "POST /playground/api/tenants/x1/reset");
        assertThat(uncovered).as("routes no security rule claims").isEmpty();
    }

    @Test
    void theLastChainRefusesWhatNoFamilyClaims() {
        assertThat(chainFor("GET", "/no/such/route")).isSameAs(denyByDefault);
        assertThat(chainFor("GET", "/API/v1/tenants/x1/graph")).isSameAs(denyByDefault);
        assertThat(chains.get(chains.size() - 1)).isSameAs(denyByDefault);
    }

    private SecurityFilterChain chainFor(String method, String path) {
        MockServletContext servletContext = new MockServletContext();
        servletContext.setAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
        MockHttpServletRequest request = new MockHttpServletRequest(servletContext, method, path);
        request.setRemoteAddr("127.0.0.1");
        return chains.stream().filter(chain -> chain.matches(request)).findFirst().orElseThrow();
    }
}
