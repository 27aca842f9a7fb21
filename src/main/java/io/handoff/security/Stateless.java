package io.handoff.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * What every chain of this app shares: no HTTP session, no saved requests, no logout page, the security headers.
 * Chains that take no ambient credentials (bearer token, signed link in the path, signed webhooks) also turn CSRF
 * off; the playground keeps it.
 */
public final class Stateless {
    private Stateless() {
    }

    public static HttpSecurity apply(HttpSecurity http) {
        return http
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .headers(SecurityHeaders.all());
    }

    public static HttpSecurity withoutCsrf(HttpSecurity http) {
        return apply(http).csrf(AbstractHttpConfigurer::disable);
    }
}
