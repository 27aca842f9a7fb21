package io.handoff.playground;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import io.handoff.security.SecurityLog;

/**
 * Who may use the playground. Anyone who reaches it can act as any demo person, so unless
 * HANDOFF_PLAYGROUND_ALLOW_REMOTE=true a request must come over a loopback connection AND name an allowed host in
 * its {@code Host} header ({@code localhost}, {@code 127.0.0.1}, {@code [::1]} with any port, plus
 * HANDOFF_PLAYGROUND_ALLOWED_HOSTS): a page on {@code rebind.attacker.example} whose name now resolves to 127.0.0.1
 * sends its own host name and is refused. A state-changing request that says where it comes from ({@code Origin},
 * {@code Sec-Fetch-Site}) must come from the playground's own origin; it must also carry the CSRF token (Spring
 * Security's CSRF filter, before this).
 */
final class PlaygroundAccess implements AuthorizationManager<RequestAuthorizationContext> {
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final boolean allowRemote;
    private final Set<String> allowedHosts;

    PlaygroundAccess(PlaygroundProperties properties) {
        this.allowRemote = properties.allowRemote();
        this.allowedHosts = Stream.concat(LOCAL_HOSTS.stream(), properties.allowedHosts().stream()
                        .map(String::strip).filter(host -> !host.isEmpty()).map(PlaygroundAccess::hostName))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        String refusal = refusal(context.getRequest());
        if (refusal != null) {
            SecurityLog.refused(context.getRequest(), "playground: " + refusal);
        }
        return new AuthorizationDecision(refusal == null);
    }

    /** Why the request is refused, or null. */
    String refusal(HttpServletRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        if (!allowRemote) {
            if (!isLoopback(request.getRemoteAddr())) {
                return "not a loopback connection (set HANDOFF_PLAYGROUND_ALLOW_REMOTE=true to share it)";
            }
            if (host == null || !allowedHosts.contains(hostName(host))) {
                return "Host " + SecurityLog.sanitise(host, 80) + " is not allowed (HANDOFF_PLAYGROUND_ALLOWED_HOSTS)";
            }
        }
        if (!SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            String site = request.getHeader("Sec-Fetch-Site");
            if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
                return "cross-site " + SecurityLog.sanitise(request.getMethod(), 10) + " (Sec-Fetch-Site: "
                        + SecurityLog.sanitise(site, 20) + ")";
            }
            String origin = request.getHeader(HttpHeaders.ORIGIN);
            if (origin != null && !sameOrigin(origin, host)) {
                return "cross-origin " + HttpMethod.valueOf(request.getMethod()) + " from Origin "
                        + SecurityLog.sanitise(origin, 80);
            }
        }
        return null;
    }

    /** The origin's host[:port] is the request's own Host. */
    private static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = new URI(origin);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return false;
            }
            return uri.getRawAuthority().equalsIgnoreCase(host.strip());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** A Host header's name without its port, lower case ({@code [::1]:8080} → {@code [::1]}). */
    static String hostName(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end < 0 ? name : name.substring(0, end + 1);
        }
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (IOException notAnAddress) {
            return false;
        }
    }
}
