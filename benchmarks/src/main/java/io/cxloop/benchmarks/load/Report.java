package io.cxloop.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/** The run's findings as Markdown, printed as they come and appended to a file. */
final class Report {

    private final Path file;

    Report(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void heading(String title) {
        write("\n## " + title + "\n");
    }

    void line(String text) {
        write(text + "\n");
    }

    void line(String format, Object... arguments) {
        line(String.format(Locale.ROOT, format, arguments));
    }

    void table(List<String> headers, List<List<String>> rows) {
        StringBuilder table =
                new StringBuilder("\n| ").append(String.join(" | ", headers)).append(" |\n|");
        headers.forEach(header -> table.append(" --- |"));
        table.append('\n');
        for (List<String> row : rows) {
            table.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        write(table + "\n");
    }

    /** The system load average over the last minute: the machine may be shared, so every figure carries it. */
    static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String rate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private synchronized void write(String text) {
        System.out.print(text);
        System.out.flush();
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
