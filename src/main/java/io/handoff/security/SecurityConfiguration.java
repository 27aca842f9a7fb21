package io.handoff.security;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Spring Security owns every HTTP protection. One filter chain per route family, each with explicit rules, and a
 * last chain that refuses everything else, so a new route stays closed until a rule opens it:
 * <ul>
 *   <li>{@code /api/v1/**} and the admin API's OpenAPI document and Swagger UI ({@link #API_DOCS}): the admin
 *       bearer token ({@link AdminTokenAuthentication}), stateless;</li>
 *   <li>{@code /scim/v2/{tenant}/**}: that tenant's SCIM bearer token (chain in {@code io.handoff.scim});</li>
 *   <li>actuator: health and its probes open (details only with the admin token); the rest behind the admin token
 *       on the app port, open on a separate management port ({@code MANAGEMENT_SERVER_PORT});</li>
 *   <li>{@code /maps/**}, {@code /blueprints/**} and {@code /files/**}: signed links (chains in {@code io.handoff.web} and
 *       {@code io.handoff.msteams});</li>
 *   <li>the playground (chain in {@code io.handoff.playground}): loopback, an allowed Host, CSRF token;</li>
 *   <li>{@code /slack/**} and {@code /api/messages}: open to their own HMAC and JWT checks, and nothing here reads
 *       their body or parameters;</li>
 *   <li>{@code /assets/**}, {@code /webjars/**}: static, open to GET.</li>
 * </ul>
 * The firewall ({@link HandoffFirewall}) rejects path tricks with 400 before any chain is chosen.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {
    /** The paths of the chat platforms' webhooks (Slack's servlet, the Bot Framework endpoint). */
    public static final String[] CHAT_WEBHOOKS = {"/slack/**", "/api/messages"};
    public static final String[] STATIC_ASSETS = {"/assets/**", "/webjars/**"};
    /** The admin API's OpenAPI document (springdoc's {@code /v3/api-docs}) and its Swagger UI: admin token only. */
    public static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
        "/swagger-ui.html", "/swagger-ui/**"};

    @Bean
    HttpFirewall httpFirewall() {
        return new HandoffFirewall();
    }

    /**
     * No observations (spans, timers) of Spring Security's own filters, authentications and authorizations: wrapping
     * every filter of a chain in an observation was about a third of the CPU time of a Slack acknowledgement (issue 20,
     * measured with JFR), and the spans said nothing the request's server span does not. The HTTP request itself is
     * still observed (the server span of every trace, {@code http.server.requests}); the filters run as before.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new RejectedRequestHandler();
    }

    @Bean
    @Order(SecurityOrder.ADMIN_API)
    SecurityFilterChain adminApiChain(HttpSecurity http, AdminToken token) throws Exception {
        return withAdminToken(http, token)
                .securityMatcher(adminApi())
                .authorizeHttpRequests(rules -> rules.anyRequest().hasRole(AdminTokenAuthentication.ROLE))
                .build();
    }

    @Bean
    @Order(SecurityOrder.ACTUATOR)
    SecurityFilterChain actuatorChain(HttpSecurity http, AdminToken token) throws Exception {
        return withAdminToken(http, token)
                .securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness").permitAll()
                        .requestMatchers(SecurityConfiguration::onManagementPort).permitAll()
                        .anyRequest().hasRole(AdminTokenAuthentication.ROLE))
                .build();
    }

    /**
     * The chat platforms' webhooks, the busiest paths (every acknowledgement): Bolt checks the HMAC over the raw body,
     * botbuilder the JWT, so no filter here may read body or parameters, and none has anything to do but write the
     * security headers. The chain holds only that and the permit-all rule: no security context, session, CSRF,
     * request cache, logout, anonymous user, servlet API wrapper or exception translation, whose work per request was
     * most of Spring Security's share of an acknowledgement's CPU (issue 20). It is the first chain asked, so no other
     * chain's matcher (the actuator's endpoint lookup among them) runs for a webhook; no other family's paths overlap.
     */
    @Bean
    @Order(SecurityOrder.CHAT_WEBHOOKS)
    SecurityFilterChain chatWebhooksChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(CHAT_WEBHOOKS)
                .headers(SecurityHeaders.all())
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .securityContext(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .exceptionHandling(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(SecurityOrder.STATIC_ASSETS)
    SecurityFilterChain staticAssetsChain(HttpSecurity http) throws Exception {
        return closed(http)
                .securityMatcher(STATIC_ASSETS)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, STATIC_ASSETS).permitAll()
                        .requestMatchers(HttpMethod.HEAD, STATIC_ASSETS).permitAll()
                        .anyRequest().denyAll())
                .build();
    }

    /** Everything no chain above claims: refused, except the error page Spring forwards to internally. */
    @Bean
    @Order(SecurityOrder.DENY_EVERYTHING_ELSE)
    SecurityFilterChain denyEverythingElseChain(HttpSecurity http) throws Exception {
        return closed(http)
                .authorizeHttpRequests(rules -> rules
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().denyAll())
                .build();
    }

    /** The admin API and its documents. */
    static String[] adminApi() {
        String[] paths = new String[API_DOCS.length + 1];
        paths[0] = "/api/v1/**";
        System.arraycopy(API_DOCS, 0, paths, 1, API_DOCS.length);
        return paths;
    }

    /** Whether the request came in on the separate management port (its own server, namespace "management"). */
    static boolean onManagementPort(HttpServletRequest request) {
        return WebServerApplicationContext.hasServerNamespace(
                WebApplicationContextUtils.findWebApplicationContext(request.getServletContext()), "management");
    }

    /** A chain that takes the admin bearer token: 401 without it, 403 when the token may not do this. */
    private static HttpSecurity withAdminToken(HttpSecurity http, AdminToken token) throws Exception {
        return Stateless.withoutCsrf(http)
                .addFilterAt(AdminTokenAuthentication.filter(token), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(AdminTokenAuthentication.ENTRY_POINT)
                        .accessDeniedHandler(forbidden("not allowed")));
    }

    /** A chain whose refusals are all "closed route" (403). */
    private static HttpSecurity closed(HttpSecurity http) throws Exception {
        return Stateless.withoutCsrf(http)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> refuse(request, response, "closed route"))
                        .accessDeniedHandler(forbidden("closed route")));
    }

    private static AccessDeniedHandler forbidden(String reason) {
        return (request, response, denied) -> refuse(request, response, reason);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException {
        SecurityLog.refused(request, reason);
        ProblemResponses.write(response, ProblemType.FORBIDDEN, "No route here is open to this request.");
    }
}
