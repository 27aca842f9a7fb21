package io.handoff.scim;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.util.UrlPathHelper;

import io.handoff.graph.Identifier;
import io.handoff.graph.TenantId;
import io.handoff.security.SecurityLog;
import io.handoff.security.SecurityOrder;
import io.handoff.security.Stateless;

/**
 * The SCIM route family {@code /scim/v2/{tenant}/**}: {@code Authorization: Bearer <token>} must be the SCIM token of
 * the tenant named in the path ({@link ScimTokens}); the admin token means nothing here. Anything else gets 401 with
 * {@code WWW-Authenticate: Bearer realm="scim"} and a SCIM error body. The authenticated principal is the tenant, which
 * the controllers compare with the path again.
 */
@Configuration(proxyBeanMethods = false)
class ScimSecurity {
    static final String ROLE = "SCIM";
    private static final String BEARER = "Bearer ";
    private static final Pattern TENANT = Pattern.compile("^/scim/v2/([^/]+)(?:/.*)?$");
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    @Bean
    @Order(SecurityOrder.SCIM)
    SecurityFilterChain scimChain(HttpSecurity http, ScimTokens tokens) throws Exception {
        AuthenticationFilter filter = new AuthenticationFilter(
                new ProviderManager(List.of(new Provider(tokens))), ScimSecurity::presented);
        filter.setSuccessHandler((request, response, authentication) -> {
        });
        filter.setFailureHandler(ScimSecurity::unauthorized);
        return Stateless.withoutCsrf(http)
                .securityMatcher("/scim/v2/**")
                .addFilterAt(filter, BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ScimSecurity::unauthorized)
                        .accessDeniedHandler((request, response, denied) -> unauthorized(request, response, null)))
                .authorizeHttpRequests(rules -> rules.anyRequest().hasRole(ROLE))
                .build();
    }

    /** The tenant named in the (decoded) path, if it is a valid id. */
    static Optional<TenantId> tenantOf(HttpServletRequest request) {
        Matcher matcher = TENANT.matcher(PATHS.getPathWithinApplication(request));
        if (!matcher.matches() || !Identifier.isValid(matcher.group(1))) {
            return Optional.empty();
        }
        return Optional.of(TenantId.of(matcher.group(1)));
    }

    private static Authentication presented(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return new ScimAuthentication(tenantOf(request).orElse(null), header.substring(BEARER.length()).strip());
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
                                     AuthenticationException failure) throws IOException {
        boolean wrong = failure instanceof BadCredentialsException;
        SecurityLog.refused(request, wrong ? "wrong SCIM token" : "no SCIM token");
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer realm=\"scim\"" + (wrong ? ", error=\"invalid_token\"" : ""));
        ScimErrors.write(response, 401, null,
                "Send this tenant's SCIM token as 'Authorization: Bearer <token>' (an admin issues it with "
                        + "POST /api/v1/tenants/{tenant}/scim-token).");
    }

    private record Provider(ScimTokens tokens) implements AuthenticationProvider {
        @Override
        public Authentication authenticate(Authentication authentication) {
            ScimAuthentication presented = (ScimAuthentication) authentication;
            if (presented.tenant == null || !tokens.matches(presented.tenant, presented.getCredentials())) {
                throw new BadCredentialsException("not the SCIM token of this tenant");
            }
            return new ScimAuthentication(presented.tenant, null);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return ScimAuthentication.class.isAssignableFrom(authentication);
        }
    }

    /** The presented token for a tenant (unauthenticated), or the tenant's identity provider (authenticated). */
    static final class ScimAuthentication extends AbstractAuthenticationToken {
        private final TenantId tenant;
        private transient String token;

        ScimAuthentication(TenantId tenant, String token) {
            super(token == null ? List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)) : List.of());
            this.tenant = tenant;
            this.token = token;
            setAuthenticated(token == null);
        }

        @Override
        public String getCredentials() {
            return token;
        }

        @Override
        public TenantId getPrincipal() {
            return tenant;
        }

        @Override
        public void eraseCredentials() {
            token = null;
            super.eraseCredentials();
        }
    }
}
