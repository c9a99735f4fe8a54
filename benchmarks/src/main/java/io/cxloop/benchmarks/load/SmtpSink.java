package io.cxloop.benchmarks.load;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The harness's SMTP sink: GreenMail, with Nagle's algorithm off on the connections it accepts ({@code TCP_NODELAY}).
 *
 * <p>GreenMail writes a reply of several lines (the one to {@code EHLO}) a line at a time, flushing each. With Nagle's
 * algorithm the second line waits for the client's acknowledgement of the first, and the client, which has nothing to
 * send while it reads the reply, delays that acknowledgement by Linux's 40 ms: every message the engine sent waited
 * ~43 ms for GreenMail's {@code EHLO} reply (JFR's socket reads, docs/benchmarks.md session 12), and the outbox's four
 * dispatch threads could not deliver more than ~80 messages a second to the sink whatever the engine did. A mail
 * server writes its reply at once; so does this sink.
 *
 * <p>It counts what it receives ({@link #delivered()}), and that count survives {@link #purge()}:
 * the harness empties the mailboxes between steps to keep the heap flat, while a step that did not drain still owes
 * messages that arrive afterwards. Counting the mailboxes' messages lost those that arrived between a step's last count
 * and the purge, and the next step then waited for them in vain (session 13).
 */
final class SmtpSink extends GreenMail {

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong expected = new AtomicLong();

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

    /** Messages received since the sink started, one per recipient, purges notwithstanding. */
    long delivered() {
        return delivered.get();
    }

    /** Notes that the engine accepted {@code messages} more messages for the sink: {@link #settle} waits for them. */
    void expect(long messages) {
        expected.addAndGet(messages);
    }

    /**
     * Waits until every message {@link #expect expected} so far arrived, then empties the mailboxes; {@code false} if
     * they did not arrive within the patience.
     */
    boolean settle(Duration patience) {
        long owed = expected.get();
        if (BareBaseline.waitFor(() -> delivered.get() >= owed, patience) == null) {
            return false;
        }
        purge();
        return true;
    }

    /** Empties the mailboxes, so that the sink does not fill the heap over a long run; {@link #delivered} stays. */
    void purge() {
        try {
            purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("cannot empty the SMTP sink", e);
        }
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        // GreenMail makes its services in its constructor, before this sink's fields are set, and again at every start
        // (its managers anew after a reset): count from the start, once
        UserManager users = managers.getUserManager();
        if (delivered != null && !(users.getMessageDeliveryHandler() instanceof Counting)) {
            users.setMessageDeliveryHandler(new Counting(users.getMessageDeliveryHandler(), delivered));
        }
        Map<String, AbstractServer> services = super.createServices(config, managers);
        services.replaceAll((protocol, server) ->
                server instanceof SmtpServer ? new NoDelaySmtpServer(server.getServerSetup(), managers) : server);
        return services;
    }

    /** Hands a message to its recipient's mailbox as GreenMail would, and counts it. */
    private record Counting(MessageDeliveryHandler store, AtomicLong delivered) implements MessageDeliveryHandler {

        @Override
        public GreenMailUser handle(MovingMessage message, MailAddress recipient)
                throws MessagingException, UserException {
            GreenMailUser user = store.handle(message, recipient);
            delivered.incrementAndGet();
            return user;
        }
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
