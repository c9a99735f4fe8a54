package io.cxloop.benchmarks.load;

import io.cxloop.engine.CxloopApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine started as a user starts it: in a JVM of its own (the harness's class path, the default heap), until it
 * logs that it has started, then stopped. A start in the harness's own JVM after the first one would find the classes
 * loaded, the JIT warm and the built-in rule sets in their static holders, and measure none of that.
 */
final class ColdStart {

    private static final Pattern STARTED = Pattern.compile("Started CxloopApplication in ([0-9.]+) seconds");
    private static final Duration LIMIT = Duration.ofMinutes(5);

    /**
     * @param wall from launching the JVM to the log line that it started
     * @param reported what Spring Boot reports in that line (from its {@code main} to ready, without the JVM's start)
     * @param cpu the JVM's CPU time (all its threads, JIT and GC included) until then
     */
    record Result(Duration wall, Duration reported, Duration cpu) {}

    private ColdStart() {}

    static Result run(List<String> engineArguments, Path workDirectory) throws IOException, InterruptedException {
        Files.createDirectories(workDirectory);
        Path log = workDirectory.resolve("engine.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CxloopApplication.class.getName());
        command.addAll(engineArguments);
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            long deadline = begin + LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                Matcher started = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (started.find()) {
                    Duration wall = Duration.ofNanos(System.nanoTime() - begin);
                    Duration cpu = process.info().totalCpuDuration().orElse(Duration.ZERO);
                    Duration reported = Duration.ofMillis(Math.round(Double.parseDouble(started.group(1)) * 1000));
                    return new Result(wall, reported, cpu);
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the engine stopped before it had started; see " + log);
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("the engine had not started after " + LIMIT + "; see " + log);
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
