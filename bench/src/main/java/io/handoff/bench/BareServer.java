package io.handoff.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

import jakarta.servlet.http.HttpServlet;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A bare app's HTTP server: one servlet on the same embedded Tomcat the application runs on (Spring Boot's), with
 * Tomcat's defaults (200 threads), on a free loopback port. Nothing else: no Spring, no filters.
 */
final class BareServer implements AutoCloseable {
    /**
     * Tomcat's web-app class loader reports the HTTP clients' threads (OkHttp's, started by the Slack SDK and the Bot
     * Framework SDK inside requests) as leaks when the bare app stops: true of any app, and noise here.
     */
    private static final java.util.logging.Logger LEAK_REPORTS =
            java.util.logging.Logger.getLogger("org.apache.catalina.loader.WebappClassLoaderBase");
    private final Tomcat tomcat;

    private BareServer(Tomcat tomcat) {
        this.tomcat = tomcat;
    }

    static BareServer start(String path, HttpServlet servlet) throws IOException, LifecycleException {
        Tomcat tomcat = new Tomcat();
        File base = Files.createTempDirectory("handoff-bench-bare").toFile();
        tomcat.setBaseDir(base.getAbsolutePath());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.getAbsolutePath());
        Tomcat.addServlet(context, "bare", servlet);
        context.addServletMappingDecoded(path, "bare");
        tomcat.start();
        return new BareServer(tomcat);
    }

    int port() {
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public void close() throws LifecycleException {
        LEAK_REPORTS.setLevel(java.util.logging.Level.OFF);
        tomcat.stop();
        tomcat.destroy();
    }
}
