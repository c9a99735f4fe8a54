package io.cxloop.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The smoke test of the load harness: seconds, no engine. The load itself runs with -Pload. */
class OpenLoopTest {

    @Test
    void offersTheRateOverHttpAndCountsEveryAnswer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService workers = Executors.newFixedThreadPool(16);
        server.setExecutor(workers);
        server.createContext("/api/events", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = exchange.getRequestURI().getQuery().equals("i=7") ? 500 : 202;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/events?i=");
        try {
            OpenLoop.Result result =
                    OpenLoop.run(100, Duration.ofMillis(500), Duration.ofSeconds(5), i -> http.sendAsync(
                                    HttpRequest.newBuilder(URI.create(base.toString() + i))
                                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .thenAccept(response -> {
                                if (response.statusCode() != 202) {
                                    throw new IllegalStateException("status " + response.statusCode());
                                }
                            }));

            assertThat(result.requests()).isEqualTo(50);
            assertThat(result.latency().getTotalCount()).isEqualTo(50);
            assertThat(result.failures()).isEqualTo(1);
            assertThat(result.unanswered()).isZero();
            // the 50th request is due 490 ms after the first
            assertThat(result.sending()).isBetween(Duration.ofMillis(480), Duration.ofMillis(1500));
            assertThat(result.intendedStart(10)).isEqualTo(result.startedAt().plusMillis(100));
        } finally {
            server.stop(0);
            workers.shutdownNow();
        }
    }

    @Test
    void aServerThatFallsBehindShowsAsLatencyNotAsFewerRequests() {
        // one worker needing 20 ms per request does 50 per second; 100 per second are offered for half a second
        ExecutorService oneWorker = Executors.newSingleThreadExecutor();
        try {
            OpenLoop.Result result = OpenLoop.run(
                    100,
                    Duration.ofMillis(500),
                    Duration.ofSeconds(5),
                    i -> CompletableFuture.runAsync(
                            () -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)), oneWorker));

            assertThat(result.requests()).isEqualTo(50);
            assertThat(result.failures()).isZero();
            // the last request waited for the 49 before it (~980 ms of work) less its 490 ms offset
            assertThat(result.latency().getMaxValue()).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(400));
            assertThat(result.percentileMillis(50)).isGreaterThan(100);
        } finally {
            oneWorker.shutdownNow();
        }
    }
}
