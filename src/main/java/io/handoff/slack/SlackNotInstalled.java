package io.handoff.slack;

import static com.slack.api.bolt.middleware.MiddlewareOps.isNoAuthRequiredRequest;
import static com.slack.api.bolt.middleware.MiddlewareOps.isNoTokenRequiredRequest;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.app_backend.views.response.ViewSubmissionResponse;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Responder;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;

/**
 * Many workspaces: answers a slash command or an interaction from a workspace Handoff has no installation for (never
 * installed, uninstalled, or a token that no longer decrypts) itself, before Bolt's authorization would. Bolt's own
 * answer posts to the request's {@code response_url} while the request waits, and a failing post ends the request
 * in an HTTP 500; here every such request is answered 200 and the person is told how to install Handoff:
 * <ul>
 *     <li>a slash command: an ephemeral message in the answer itself (no {@code response_url} needed);</li>
 *     <li>a modal submitted: the message as the error of its first input, so the modal and what was typed stay;</li>
 *     <li>anything else (buttons, shortcuts, menus): acknowledged, and the message posted to its
 *     {@code response_url}, if it has one, after the answer (a failure is logged and changes nothing).</li>
 * </ul>
 * Events (no person waiting) keep Bolt's answer.
 */
final class SlackNotInstalled implements Middleware {
    private static final Logger log = LoggerFactory.getLogger(SlackNotInstalled.class);

    private final InstallationService installations;
    private final Slack slack;
    private final Executor afterAck;
    private final String installUrl;

    /** {@code publicUrl}: where people reach Handoff ({@code HANDOFF_PUBLIC_URL}); the install page is under it. */
    SlackNotInstalled(InstallationService installations, Slack slack, Executor afterAck, URI publicUrl) {
        this.installations = installations;
        this.slack = slack;
        this.afterAck = afterAck;
        String base = publicUrl.toString();
        this.installUrl = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + SlackConfiguration.INSTALL_PATH;
    }

    /** What the person reads (Slack mrkdwn: the link is clickable). */
    String text() {
        return "Handoff is not installed in this Slack workspace, so it cannot answer here yet. A workspace admin can "
                + "install it at <" + installUrl + ">.";
    }

    /** The same as plain text, for a modal's input error (no mrkdwn there). */
    String plainText() {
        return "Handoff is not installed in this workspace. A workspace admin can install it at " + installUrl;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        RequestType type = req.getRequestType();
        if (type == null || type == RequestType.Event || isNoAuthRequiredRequest(type)
                || isNoTokenRequiredRequest(req)) {
            return chain.next(req);
        }
        Context context = req.getContext();
        if (installations.findBot(context.getEnterpriseId(), context.getTeamId()) != null) {
            return chain.next(req);
        }
        log.info("A {} from Slack workspace {} (enterprise {}), where Handoff is not installed, answered with how to "
                + "install it", type, context.getTeamId(), context.getEnterpriseId());
        if (type == RequestType.Command) {
            return Response.json(200, SlashCommandResponse.builder().responseType("ephemeral").text(text()).build());
        }
        if (type == RequestType.ViewSubmission) {
            Optional<String> input = firstInput(((ViewSubmissionRequest) req).getPayload().getView());
            if (input.isPresent()) {
                return Response.json(200, ViewSubmissionResponse.builder().responseAction("errors")
                        .errors(Map.of(input.get(), plainText())).build());
            }
            return Response.ok();
        }
        String responseUrl = req.getResponseUrl();
        if (responseUrl != null) {
            tellLater(type, context.getTeamId(), responseUrl);
        }
        return Response.ok();
    }

    /** Posts the message to {@code response_url} after the answer; whatever happens there is only logged. */
    private void tellLater(RequestType type, String team, String responseUrl) {
        ActionResponse message = ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
                .text(text()).build();
        try {
            afterAck.execute(() -> {
                try {
                    WebhookResponse answer = new Responder(slack, responseUrl).send(message);
                    if (answer.getCode() == null || answer.getCode() != 200) {
                        log.info("Slack did not take the not-installed message for a {} from workspace {}: HTTP {}",
                                type, team, answer.getCode());
                    }
                } catch (Exception e) {
                    log.info("Could not tell workspace {} that Handoff is not installed ({}): {}", team, type,
                            e.toString());
                }
            });
        } catch (RejectedExecutionException stopping) {
            log.info("Not telling workspace {} that Handoff is not installed: shutting down", team);
        }
    }

    /** The block id of the modal's first input block (where an error can be shown). */
    private static Optional<String> firstInput(View view) {
        if (view == null || view.getBlocks() == null) {
            return Optional.empty();
        }
        return view.getBlocks().stream().filter(InputBlock.class::isInstance).map(block -> block.getBlockId())
                .filter(id -> id != null && !id.isBlank()).findFirst();
    }
}
