package io.handoff.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** A request the firewall rejects gets 400 and one WARN line naming why, the path and the client. */
final class RejectedRequestHandler implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        String why = String.valueOf(rejected.getMessage());
        // Messages about headers quote the header's value, which may be a credential: name the rule only.
        SecurityLog.refused(request, "firewall: " + (why.toLowerCase(java.util.Locale.ROOT).contains("header")
                ? "a header name or value is not allowed" : SecurityLog.sanitise(why, 160)));
        ProblemResponses.write(response, ProblemType.INVALID_REQUEST,
                "The request's address is not in canonical form (path parameters, encoded characters or dot "
                        + "segments are refused).");
    }
}
