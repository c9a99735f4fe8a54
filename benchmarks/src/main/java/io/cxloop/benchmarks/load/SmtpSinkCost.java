package io.cxloop.benchmarks.load;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What the harness's SMTP sink (GreenMail) costs per message, alone: sends {@code messages} mails over one connection,
 * to one address per message ({@code addresses} = 0) or to a pool of {@code addresses}, and prints the CPU time of the
 * sink's threads every 5,000 messages. It showed that a new recipient per message makes the sink's work grow with
 * every recipient it has seen (docs/benchmarks.md, session 9), which is why {@link EndToEnd#SINK_ADDRESSES} exists.
 *
 * <pre>java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) \
 *   io.cxloop.benchmarks.load.SmtpSinkCost 20000 0</pre>
 */
public final class SmtpSinkCost {

    private static final int REPORT_EVERY = 5000;

    private SmtpSinkCost() {}

    public static void main(String[] args) throws MessagingException {
        int messages = Integer.parseInt(args[0]);
        int addresses = Integer.parseInt(args[1]);
        GreenMail sink = new SmtpSink(ServerSetupTest.SMTP.dynamicPort());
        sink.start();
        try {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(sink.getSmtp().getPort()));
            Session session = Session.getInstance(properties);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<Long, Long> sinkThreads = new HashMap<>();
            long start = System.nanoTime();
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (int i = 0; i < messages; i++) {
                    MimeMessage message = new MimeMessage(session);
                    message.setFrom("shop@example.com");
                    message.setRecipients(
                            Message.RecipientType.TO,
                            addresses == 0
                                    ? "customer-" + i + "@example.com"
                                    : "customer-" + (i % addresses) + "@example.com");
                    message.setSubject("Ihr Warenkorb wartet");
                    message.setText("15 % Rabatt, wenn Sie innerhalb von 24 Stunden kaufen. ".repeat(20));
                    message.saveChanges();
                    transport.sendMessage(message, message.getAllRecipients());
                    if ((i + 1) % REPORT_EVERY == 0) {
                        for (ThreadInfo thread : threads.dumpAllThreads(false, false)) {
                            long cpu = threads.getThreadCpuTime(thread.getThreadId());
                            if (thread.getThreadName().startsWith("smtp") && cpu > 0) {
                                sinkThreads.put(thread.getThreadId(), cpu);
                            }
                        }
                        long cpu = sinkThreads.values().stream()
                                .mapToLong(Long::longValue)
                                .sum();
                        System.out.printf(
                                "%d messages: sink CPU %.2f s in all, wall %.1f s%n",
                                i + 1, cpu / 1e9, (System.nanoTime() - start) / 1e9);
                    }
                }
            }
        } finally {
            sink.stop();
        }
    }
}
