package io.handoff.map;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the dependency maps (environment variables in application.yml).
 *
 * @param publicUrl      where people reach this app, for the links in chat (HANDOFF_PUBLIC_URL)
 * @param linkSecret     key of the HMAC that signs map links (HANDOFF_LINK_SECRET); generated per run when empty
 * @param linkTtl        how long a map link works
 * @param admins         per tenant, the person ids or email addresses that may see every map
 *                       (HANDOFF_MAP_ADMINS, e.g. {@code demo=mia,ops@acme.example;acme=lee})
 * @param collapseAbove  a map of more people than this is drawn by team
 * @param drawWait       how long a PNG map may wait for a drawing slot before the request is answered "busy, try
 *                       again in a minute" (HANDOFF_MAP_DRAW_WAIT)
 * @param pictureCache   how many bytes of drawn PNG maps are kept to answer the same map again
 *                       (HANDOFF_MAP_PICTURE_CACHE; 0 keeps none)
 */
@ConfigurationProperties("handoff.maps")
public record MapProperties(@DefaultValue("http://localhost:8080") URI publicUrl, String linkSecret,
                            @DefaultValue("24h") Duration linkTtl, String admins,
                            @DefaultValue("80") int collapseAbove, @DefaultValue("5s") Duration drawWait,
                            @DefaultValue("32MB") DataSize pictureCache) {

    public MapProperties {
        if (linkTtl.isNegative() || linkTtl.isZero()) {
            throw new IllegalArgumentException("handoff.maps.link-ttl must be positive");
        }
        if (!"http".equals(publicUrl.getScheme()) && !"https".equals(publicUrl.getScheme())) {
            throw new IllegalArgumentException("HANDOFF_PUBLIC_URL must be an http or https URL (was " + publicUrl + ")");
        }
        if (drawWait.isNegative()) {
            throw new IllegalArgumentException("HANDOFF_MAP_DRAW_WAIT cannot be negative (was " + drawWait + ")");
        }
        if (pictureCache.isNegative()) {
            throw new IllegalArgumentException("HANDOFF_MAP_PICTURE_CACHE cannot be negative (was " + pictureCache + ")");
        }
    }

    /** The defaults, for tests and tools that run without Spring. */
    public static MapProperties defaults() {
        return new MapProperties(URI.create("http://localhost:8080"), null, Duration.ofHours(24), null, 80,
                Duration.ofSeconds(5), DataSize.ofMegabytes(32));
    }

    /** {@code admins} read as tenant → ids and emails. */
    public Map<String, List<String>> adminsByTenant() {
        return MapAdmins.parse(admins);
    }
}
