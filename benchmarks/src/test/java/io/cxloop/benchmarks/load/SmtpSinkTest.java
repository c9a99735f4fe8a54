package io.cxloop.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The harness's SMTP sink, with real SMTP sessions (Jakarta Mail) against it. */
class SmtpSinkTest {

    private SmtpSink sink;
    private ServerSetup client;

    @BeforeEach
    void start() {
        sink = new SmtpSink(ServerSetupTest.SMTP.dynamicPort());
        sink.start();
        client = new ServerSetup(sink.getSmtp().getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    }

    @AfterEach
    void stop() {
        sink.stop();
    }

    private void send(String to) {
        GreenMailUtil.sendTextEmail(to, "cxloop@example.org", "Ihr Warenkorb", "15 % Rabatt", client);
    }

    @Test
    void itsCountOfReceivedMessagesSurvivesEmptyingTheMailboxes() {
        send("a@example.org");
        send("b@example.org");
        assertThat(sink.delivered()).isEqualTo(2);

        sink.purge();
        send("a@example.org");

        assertThat(sink.getReceivedMessages()).hasSize(1);
        assertThat(sink.delivered()).isEqualTo(3);
    }

    @Test
    void settlingWaitsForEveryExpectedMessageIncludingThoseThatArriveAfterAPurge() throws Exception {
        sink.expect(3);
        send("a@example.org");
        sink.purge();
        send("b@example.org");

        assertThat(sink.settle(Duration.ofMillis(300))).isFalse();

        CompletableFuture<Boolean> settled = CompletableFuture.supplyAsync(() -> sink.settle(Duration.ofSeconds(30)));
        send("c@example.org");

        assertThat(settled.get()).isTrue();
        assertThat(sink.delivered()).isEqualTo(3);
    }

    @Test
    void aRestartedSinkStillCounts() {
        sink.stop();
        sink.start();
        client = new ServerSetup(sink.getSmtp().getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

        send("a@example.org");

        assertThat(sink.delivered()).isEqualTo(1);
    }
}
