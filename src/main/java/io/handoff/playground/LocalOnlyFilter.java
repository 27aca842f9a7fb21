package io.handoff.playground;

import java.io.IOException;
import java.net.InetAddress;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The playground answers only requests from this machine unless HANDOFF_PLAYGROUND_ALLOW_REMOTE=true: anyone who
 * reaches it can act as any demo person, so it must not be open on a network by accident.
 */
final class LocalOnlyFilter extends OncePerRequestFilter {
    private final boolean allowRemote;

    LocalOnlyFilter(boolean allowRemote) {
        this.allowRemote = allowRemote;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (allowRemote || isLoopback(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"The playground answers "
                + "only on localhost; set HANDOFF_PLAYGROUND_ALLOW_REMOTE=true to share it.\"}");
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (IOException notAnAddress) {
            return false;
        }
    }
}
