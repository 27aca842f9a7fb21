package io.handoff.playground;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import io.handoff.security.ProblemResponses;
import io.handoff.security.SecurityLog;
import io.handoff.security.SecurityOrder;
import io.handoff.security.Stateless;

/**
 * The playground's routes ({@code /}, {@code /playground}, {@code /playground/**}), present only while it is
 * enabled: {@link PlaygroundAccess} (loopback, allowed Host, same origin) and a CSRF token on every POST, PUT and
 * DELETE. The token travels as Spring Security's double-submit cookie: the server sets {@code XSRF-TOKEN}
 * (SameSite=Strict) on every playground response and playground.js sends it back as {@code X-XSRF-TOKEN}; another
 * site can neither read the cookie nor set the header. Refusals are 403 with a problem body and a WARN line.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PlaygroundEnabled.class)
class PlaygroundSecurity {
    static final String[] ROUTES = {"/", "/playground", "/playground/**"};

    @Bean
    @Order(SecurityOrder.PLAYGROUND)
    SecurityFilterChain playgroundChain(HttpSecurity http, PlaygroundProperties properties) throws Exception {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict").path("/"));
        return Stateless.apply(http)
                .securityMatcher(ROUTES)
                .csrf(csrf -> csrf.csrfTokenRepository(tokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new IssueCsrfCookie(), CsrfFilter.class)
                .authorizeHttpRequests(rules -> rules.anyRequest().access(new PlaygroundAccess(properties)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> refuse(response))
                        .accessDeniedHandler((request, response, denied) -> {
                            if (denied instanceof CsrfException) {
                                SecurityLog.refused(request, "playground: missing or wrong CSRF token");
                            }
                            refuse(response);
                        }))
                .build();
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        ProblemResponses.write(response, HttpStatus.FORBIDDEN, "The playground answers only pages it served itself "
                + "on localhost; set HANDOFF_PLAYGROUND_ALLOW_REMOTE=true (or HANDOFF_PLAYGROUND_ALLOWED_HOSTS) to "
                + "share it.");
    }

    /** Loads the deferred CSRF token on every playground response, so its cookie is set before the first POST. */
    private static final class IssueCsrfCookie extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
