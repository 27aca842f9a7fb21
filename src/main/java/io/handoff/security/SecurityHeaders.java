package io.handoff.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The headers every response carries (so every HTML page): a Content Security Policy without inline scripts or
 * styles, {@code X-Content-Type-Options: nosniff}, frame denial ({@code X-Frame-Options: DENY} and
 * {@code frame-ancestors 'none'}), {@code Referrer-Policy: no-referrer}, and Spring Security's no-cache default
 * where a controller set no caching of its own.
 */
final class SecurityHeaders {
    /** Pages load scripts, styles, images and data only from this app; {@code data:} images are map pictures. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private SecurityHeaders() {
    }

    public static Customizer<HeadersConfigurer<HttpSecurity>> all() {
        return headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER));
    }
}
