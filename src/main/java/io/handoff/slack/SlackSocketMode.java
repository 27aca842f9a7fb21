package io.handoff.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;

/**
 * Socket Mode (SLACK_APP_TOKEN): Handoff opens a WebSocket to Slack instead of receiving HTTP requests, so it needs no
 * public URL. Bolt's client monitors the session and reconnects when it goes stale.
 */
final class SlackSocketMode implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);

    private final String appToken;
    private final App app;
    private SocketModeApp socketMode;

    SlackSocketMode(String appToken, App app) {
        this.appToken = appToken;
        this.app = app;
    }

    @Override
    public synchronized void start() {
        try {
            socketMode = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
            socketMode.getClient().setAutoReconnectEnabled(true);
            socketMode.getClient().setSessionMonitorEnabled(true);
            socketMode.startAsync();
            log.info("Slack Socket Mode connected");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open the Slack Socket Mode connection (check SLACK_APP_TOKEN)", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                log.warn("Closing the Slack Socket Mode connection failed", e);
            }
            socketMode = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return socketMode != null;
    }
}
