package io.handoff.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.util.HtmlUtils;

import io.handoff.map.MapGrant;
import io.handoff.map.MapLinkException;
import io.handoff.map.MapLinks;
import io.handoff.security.ProblemResponses;
import io.handoff.security.SecurityLog;
import io.handoff.security.SecurityOrder;
import io.handoff.security.Stateless;

/**
 * {@code /maps/{token}} and {@code /maps/{token}/data}: the signed link in the path is the credential. It is
 * verified by {@link MapLinks} here, in the security chain, and its {@link MapGrant} becomes the principal the
 * controller reads; an altered or expired link gets 403 (an HTML page, or a problem for {@code /data}).
 */
@Configuration(proxyBeanMethods = false)
class MapLinkSecurity {
    private static final Pattern MAP_PATH = Pattern.compile("^/maps/([^/]+)(/data)?$");

    @Bean
    @Order(SecurityOrder.MAP_LINKS)
    SecurityFilterChain mapLinksChain(HttpSecurity http, MapLinks links) throws Exception {
        AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(List.of(new Provider(links))),
                MapLinkSecurity::presented);
        filter.setSuccessHandler((request, response, authentication) -> {
        });
        filter.setFailureHandler(MapLinkSecurity::refuse);
        return Stateless.withoutCsrf(http)
                .securityMatcher("/maps/**")
                .addFilterAt(filter, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/maps/*", "/maps/*/data").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/maps/*", "/maps/*/data").authenticated()
                        .anyRequest().denyAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(MapLinkSecurity::refuse)
                        .accessDeniedHandler((request, response, denied) -> refuse(request, response,
                                new BadCredentialsException("This address is not a map link."))))
                .build();
    }

    private static Authentication presented(HttpServletRequest request) {
        Matcher path = MAP_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        return path.matches() ? new MapLinkToken(path.group(1)) : null;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String reason = e instanceof BadCredentialsException ? e.getMessage()
                : "This map link is not valid. Ask the bot for a new map to get a fresh link.";
        SecurityLog.refused(request, "map link: " + reason);
        if (request.getRequestURI().endsWith("/data") || response.isCommitted()) {
            ProblemResponses.write(response, HttpStatus.FORBIDDEN, reason);
            return;
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8).toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.getWriter().write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Map link not valid</title></head><body><h1>This map link cannot be opened</h1><p>"
                + HtmlUtils.htmlEscape(reason) + "</p></body></html>");
    }

    private record Provider(MapLinks links) implements AuthenticationProvider {
        @Override
        public Authentication authenticate(Authentication authentication) {
            try {
                return new MapLinkToken(links.verify((String) authentication.getCredentials()));
            } catch (MapLinkException e) {
                throw new BadCredentialsException(e.getMessage());
            }
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return MapLinkToken.class.isAssignableFrom(authentication);
        }
    }

    /** The link as presented (credentials = token), or verified (principal = its grant). */
    static final class MapLinkToken extends AbstractAuthenticationToken {
        private final transient String token;
        private final transient MapGrant grant;

        MapLinkToken(String token) {
            super(List.of());
            this.token = token;
            this.grant = null;
        }

        MapLinkToken(MapGrant grant) {
            super(List.of());
            this.token = null;
            this.grant = grant;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return grant;
        }
    }
}
