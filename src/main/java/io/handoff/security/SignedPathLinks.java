package io.handoff.security;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * A filter chain for links whose credential is a signed token in the path ({@code /maps/{token}},
 * {@code /files/{token}}): the token is verified in the chain, before any controller runs, and what it grants becomes
 * the principal the controller reads with {@code @AuthenticationPrincipal}. GET and HEAD of the link's paths only;
 * anything else under the prefix, a missing token or a refused one is answered by the link's own refusal (403), and
 * logged without the token.
 *
 * @param name        what the link is called in the log, e.g. {@code map link}
 * @param prefix      the route family, e.g. {@code /maps/**}
 * @param paths       the link's paths in Spring's pattern syntax, e.g. {@code /maps/*} and {@code /maps/*}{@code /data}
 * @param tokenInPath a pattern of the path (without context path) whose first group is the token
 * @param verifier    the token's check: what it grants, or a {@link BadCredentialsException} saying why not
 * @param refusal     writes the 403 with the reason a person may read
 * @param notALink    the reason given for a path under the prefix that is no link
 */
public record SignedPathLinks(String name, String prefix, List<String> paths, Pattern tokenInPath, Verifier verifier,
                              Refusal refusal, String notALink) {

    /** Checks a token from the path. */
    @FunctionalInterface
    public interface Verifier {
        /** What the token grants; throws {@link BadCredentialsException} with a reason a person may read. */
        Object verify(String token);
    }

    /** Answers a refused link (the reason is logged already). */
    @FunctionalInterface
    public interface Refusal {
        void write(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException;
    }

    public SignedPathLinks {
        Objects.requireNonNull(name);
        Objects.requireNonNull(prefix);
        paths = List.copyOf(paths);
        Objects.requireNonNull(tokenInPath);
        Objects.requireNonNull(verifier);
        Objects.requireNonNull(refusal);
        Objects.requireNonNull(notALink);
    }

    public SecurityFilterChain chain(HttpSecurity http) throws Exception {
        AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(List.of(new Provider(verifier))),
                this::presented);
        filter.setSuccessHandler((request, response, authentication) -> {
        });
        filter.setFailureHandler(this::refuse);
        String[] linkPaths = paths.toArray(String[]::new);
        return Stateless.withoutCsrf(http)
                .securityMatcher(prefix)
                .addFilterAt(filter, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, linkPaths).authenticated()
                        .requestMatchers(HttpMethod.HEAD, linkPaths).authenticated()
                        .anyRequest().denyAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(this::refuse)
                        .accessDeniedHandler((request, response, denied) -> refuse(request, response,
                                new BadCredentialsException(notALink))))
                .build();
    }

    private Authentication presented(HttpServletRequest request) {
        Matcher path = tokenInPath.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        return path.matches() ? new LinkToken(path.group(1)) : null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String reason = e instanceof BadCredentialsException ? e.getMessage() : notALink;
        SecurityLog.refused(request, name + ": " + reason);
        refusal.write(request, response, reason);
    }

    private record Provider(Verifier verifier) implements AuthenticationProvider {
        @Override
        public Authentication authenticate(Authentication authentication) {
            return new LinkToken(verifier.verify((String) authentication.getCredentials()), true);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return LinkToken.class.isAssignableFrom(authentication);
        }
    }

    /** The link as presented (credentials = its token), or verified (principal = what it grants). */
    private static final class LinkToken extends AbstractAuthenticationToken {
        private final transient String token;
        private final transient Object granted;

        LinkToken(String token) {
            super(List.of());
            this.token = token;
            this.granted = null;
        }

        LinkToken(Object granted, boolean verified) {
            super(List.of());
            this.token = null;
            this.granted = granted;
            setAuthenticated(verified);
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return granted;
        }
    }
}
