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

import io.handoff.map.MapGrant;
import io.handoff.map.MapLinkException;
import io.handoff.map.MapLinks;
import io.handoff.security.ProblemResponses;
import io.handoff.security.SecurityOrder;
import io.handoff.security.SignedPathLinks;

/**
 * {@code /maps/{token}} and {@code /maps/{token}/data}: the signed link in the path is the credential. It is
 * verified by {@link MapLinks} in the security chain, and its {@link MapGrant} becomes the principal the controller
 * reads; an altered or expired link gets 403 (an HTML page, or a problem for {@code /data}).
 */
@Configuration(proxyBeanMethods = false)
class MapLinkSecurity {

    @Bean
    @Order(SecurityOrder.MAP_LINKS)
    SecurityFilterChain mapLinksChain(HttpSecurity http, MapLinks links) throws Exception {
        return new SignedPathLinks("map link", "/maps/**", List.of("/maps/*", "/maps/*/data"),
                Pattern.compile("^/maps/([^/]+)(/data)?$"),
                token -> {
                    try {
                        return links.verify(token);
                    } catch (MapLinkException e) {
                        throw new BadCredentialsException(e.getMessage());
                    }
                },
                (request, response, reason) -> {
                    if (request.getRequestURI().endsWith("/data") || response.isCommitted()) {
                        ProblemResponses.write(response, HttpStatus.FORBIDDEN, reason);
                        return;
                    }
                    response.setStatus(HttpStatus.FORBIDDEN.value());
                    response.setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8).toString());
                    response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
                    response.getWriter().write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                            + "<title>Map link not valid</title></head><body><h1>This map link cannot be opened</h1>"
                            + "<p>" + HtmlUtils.htmlEscape(reason) + "</p></body></html>");
                },
                "This address is not a map link. Ask the bot for a new map to get a fresh link.")
                .chain(http);
    }
}
