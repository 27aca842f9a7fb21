package io.handoff.security;

import org.springframework.core.Ordered;

/** The order of the filter chains, one per route family; the deny-all chain comes last. */
public final class SecurityOrder {
    /** {@code /slack/**} and {@code /api/messages}, first: the busiest paths, overlapping no other family's. */
    public static final int CHAT_WEBHOOKS = 5;
    public static final int ADMIN_API = 10;
    /** {@code /scim/v2/**}: the tenant's SCIM bearer token (io.handoff.scim), never the admin token. */
    public static final int SCIM = 15;
    public static final int ACTUATOR = 20;
    public static final int MAP_LINKS = 30;
    public static final int BLUEPRINT_LINKS = 35;
    public static final int FILE_LINKS = 40;
    public static final int PLAYGROUND = 50;
    public static final int STATIC_ASSETS = 70;
    public static final int DENY_EVERYTHING_ELSE = Ordered.LOWEST_PRECEDENCE;

    private SecurityOrder() {
    }
}
