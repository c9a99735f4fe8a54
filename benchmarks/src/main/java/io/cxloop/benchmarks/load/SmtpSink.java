package io.cxloop.benchmarks.load;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.Properties;

/**
 * The harness's SMTP sink: GreenMail, with Nagle's algorithm off on the connections it accepts ({@code TCP_NODELAY}).
 *
 * <p>GreenMail writes a reply of several lines (the one to {@code EHLO}) a line at a time, flushing each. With Nagle's
 * algorithm the second line waits for the client's acknowledgement of the first, and the client, which has nothing to
 * send while it reads the reply, delays that acknowledgement by Linux's 40 ms: every message the engine sent waited
 * ~43 ms for GreenMail's {@code EHLO} reply (JFR's socket reads, docs/benchmarks.md session 12), and the outbox's four
 * dispatch threads could not deliver more than ~80 messages a second to the sink whatever the engine did. A mail
 * server writes its reply at once; so does this sink.
 */
final class SmtpSink extends GreenMail {

    SmtpSink(ServerSetup setup) {
        super(setup);
    }

    /** GreenMail's version, from its jar's Maven properties (its manifest has none). */
    static String greenMailVersion() {
        try (InputStream in =
                GreenMail.class.getResourceAsStream("/META-INF/maven/com.icegreen/greenmail/pom.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        Map<String, AbstractServer> services = super.createServices(config, managers);
        services.replaceAll((protocol, server) ->
                server instanceof SmtpServer ? new NoDelaySmtpServer(server.getServerSetup(), managers) : server);
        return services;
    }

    private static final class NoDelaySmtpServer extends SmtpServer {

        NoDelaySmtpServer(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected void handleClientSocket(Socket socket) throws SocketException {
            socket.setTcpNoDelay(true);
            super.handleClientSocket(socket);
        }
    }
}
