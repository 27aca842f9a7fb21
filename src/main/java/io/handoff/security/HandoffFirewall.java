package io.handoff.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall} (rejects {@code ;}, encoded {@code /}, {@code .}, {@code %} and
 * {@code \}, {@code //}, {@code /./}, {@code /../}, control characters, unknown methods) plus one rule of its own:
 * a path may not percent-encode an unreserved character (RFC 3986: {@code A-Z a-z 0-9 - . _ ~}). Those must be
 * sent as themselves; encoding them only serves to dodge prefix checks ({@code /api/%76%31/} for {@code /api/v1/}).
 */
final class HandoffFirewall implements HttpFirewall {
    private final StrictHttpFirewall strict = new StrictHttpFirewall();

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) throws RequestRejectedException {
        FirewalledRequest checked = strict.getFirewalledRequest(request);
        String uri = request.getRequestURI();
        if (uri != null && encodesAnUnreservedCharacter(uri)) {
            throw new RequestRejectedException("The request was rejected because the URL percent-encodes an "
                    + "unreserved character");
        }
        return checked;
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }

    static boolean encodesAnUnreservedCharacter(String uri) {
        for (int i = uri.indexOf('%'); i >= 0; i = uri.indexOf('%', i + 1)) {
            if (i + 2 >= uri.length()) {
                return true; // a truncated escape is no valid URL either
            }
            int high = Character.digit(uri.charAt(i + 1), 16);
            int low = Character.digit(uri.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return true;
            }
            char decoded = (char) (high * 16 + low);
            if (Character.isLetterOrDigit(decoded) && decoded < 0x80 || "-._~".indexOf(decoded) >= 0) {
                return true;
            }
        }
        return false;
    }
}
