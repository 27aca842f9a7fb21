package io.handoff.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFilter;

/**
 * The admin bearer token as Spring Security authentication: {@code Authorization: Bearer <HANDOFF_ADMIN_TOKEN>}
 * becomes an authentication with role {@value #ROLE} (compared in constant time by {@link AdminToken}); anything
 * else gets 401 with {@code WWW-Authenticate: Bearer} and a problem body, and a WARN line without the token.
 */
public final class AdminTokenAuthentication {
    /** The role the admin token grants (also {@code management.endpoint.health.roles}). */
    public static final String ROLE = "ADMIN";
    private static final String BEARER = "Bearer ";
    /** 401 for a missing or wrong token. */
    public static final AuthenticationEntryPoint ENTRY_POINT = AdminTokenAuthentication::unauthorized;

    private AdminTokenAuthentication() {
    }

    /** Reads the bearer token, if any; requests without one go on anonymous (and are refused by the rules). */
    public static AuthenticationFilter filter(AdminToken token) {
        AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(List.of(new Provider(token))),
                AdminTokenAuthentication::presented);
        filter.setSuccessHandler((request, response, authentication) -> {
        });
        filter.setFailureHandler(ENTRY_POINT::commence);
        return filter;
    }

    private static Authentication presented(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return new AdminTokenAuthenticationToken(header.substring(BEARER.length()).strip(), false);
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
                                     AuthenticationException failure) throws IOException {
        boolean wrong = failure instanceof BadCredentialsException;
        SecurityLog.refused(request, wrong ? "wrong admin token" : "no admin token");
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer realm=\"handoff\"" + (wrong ? ", error=\"invalid_token\"" : ""));
        ProblemResponses.write(response, ProblemType.UNAUTHORIZED,
                "Send the admin token as 'Authorization: Bearer <token>' (HANDOFF_ADMIN_TOKEN).");
    }

    private record Provider(AdminToken token) implements AuthenticationProvider {
        @Override
        public Authentication authenticate(Authentication authentication) {
            AdminTokenAuthenticationToken presented = (AdminTokenAuthenticationToken) authentication;
            if (!token.matches(presented.getCredentials())) {
                throw new BadCredentialsException("the admin token does not match");
            }
            return new AdminTokenAuthenticationToken(null, true);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return AdminTokenAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }

    /** The presented token (unauthenticated) or the admin (authenticated, no credentials kept). */
    static final class AdminTokenAuthenticationToken extends AbstractAuthenticationToken {
        private transient String token;

        AdminTokenAuthenticationToken(String token, boolean authenticated) {
            super(authenticated ? List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)) : List.of());
            this.token = token;
            setAuthenticated(authenticated);
        }

        @Override
        public String getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return "admin";
        }

        @Override
        public void eraseCredentials() {
            token = null;
            super.eraseCredentials();
        }
    }
}
