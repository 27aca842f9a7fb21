package io.handoff.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.util.HtmlUtils;

import io.handoff.map.MapLinkException;
import io.handoff.map.MapLinks;
import io.handoff.security.SecurityOrder;
import io.handoff.security.SignedPathLinks;

/**
 * {@code /blueprints/{token}} and its downloads {@code /blueprints/{token}/export/{format}}: the same signed links as
 * the maps ({@link MapLinks}, a grant of a journey), verified in the security chain; an altered, expired or missing
 * link gets 403 with a plain page, never a stack trace.
 */
@Configuration(proxyBeanMethods = false)
class BlueprintLinkSecurity {

    @Bean
    @Order(SecurityOrder.BLUEPRINT_LINKS)
    SecurityFilterChain blueprintLinksChain(HttpSecurity http, MapLinks links) throws Exception {
        return new SignedPathLinks("blueprint link", "/blueprints/**",
                List.of("/blueprints/*", "/blueprints/*/export/*"),
                Pattern.compile("^/blueprints/([^/]+)(/export/[a-z]+)?$"),
                token -> {
                    try {
                        return links.verify(token);
                    } catch (MapLinkException e) {
                        throw new BadCredentialsException(e.getMessage().replace("map", "blueprint"));
                    }
                },
                (request, response, reason) -> {
                    response.setStatus(HttpStatus.FORBIDDEN.value());
                    response.setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8).toString());
                    response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
                    response.getWriter().write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                            + "<title>Blueprint link not valid</title></head><body><main><h1>This blueprint link "
                            + "cannot be opened</h1><p>" + HtmlUtils.htmlEscape(reason) + "</p></main></body></html>");
                },
                "This address is not a blueprint link. Ask the bot for the journey again to get a fresh link.")
                .chain(http);
    }
}
