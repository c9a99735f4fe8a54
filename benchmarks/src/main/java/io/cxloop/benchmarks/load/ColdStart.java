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
 * The engine started as a user starts it: in a JVM of its own (the default heap), until it logs that it has started,
 * then stopped. A start in the harness's own JVM after the first one would find the classes loaded, the JIT warm and
 * the built-in rule sets in their static holders, and measure none of that.
 *
 * <p>Three ways to launch it: on the harness's class path (directories and jars, as {@code spring-boot:run} does), as
 * {@code java -jar} of the application jar, and as Spring Boot's class data sharing recipe documents it (the jar
 * extracted, one training run that writes a CDS archive, then {@code -XX:SharedArchiveFile}).
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

    /** How the JVM is launched: its options and main class or jar, before the engine's own arguments. */
    record Launch(String name, List<String> jvm) {

        static Launch classPath() {
            return new Launch(
                    "class path",
                    List.of("-cp", System.getProperty("java.class.path"), CxloopApplication.class.getName()));
        }

        static Launch jar(Path applicationJar) {
            return new Launch("java -jar", List.of("-jar", applicationJar.toString()));
        }

        static Launch withArchive(Path extractedJar, Path archive) {
            return new Launch(
                    "java -jar, extracted, CDS archive",
                    List.of("-XX:SharedArchiveFile=" + archive, "-jar", extractedJar.toString()));
        }
    }

    private ColdStart() {}

    static Result run(Launch launch, List<String> engineArguments, Path workDirectory)
            throws IOException, InterruptedException {
        Files.createDirectories(workDirectory);
        Path log = workDirectory.resolve("engine.log");
        long begin = System.nanoTime();
        Process process = start(launch.jvm(), engineArguments, workDirectory, log);
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

    /**
     * Spring Boot's class data sharing recipe, as the README gives it: extracts the application jar into
     * {@code directory}, then runs it once with {@code -XX:ArchiveClassesAtExit} and {@code spring.context.exit=onRefresh}
     * (the context is refreshed, then the JVM exits and writes the archive of every class it loaded).
     *
     * @return how to launch the engine with that archive, and how long extracting and the training run took
     */
    static Trained train(Path applicationJar, List<String> engineArguments, Path directory)
            throws IOException, InterruptedException {
        Path extracted = directory.resolve("application");
        long begin = System.nanoTime();
        exec(
                List.of(
                        "-Djarmode=tools",
                        "-jar",
                        applicationJar.toString(),
                        "extract",
                        "--force",
                        "--destination",
                        extracted.toString()),
                List.of(),
                directory,
                directory.resolve("extract.log"));
        Path jar = extracted.resolve(applicationJar.getFileName());
        Path archive = extracted.resolve("application.jsa");
        Files.deleteIfExists(archive);
        exec(
                List.of(
                        "-XX:ArchiveClassesAtExit=" + archive,
                        "-Dspring.context.exit=onRefresh",
                        "-jar",
                        jar.toString()),
                engineArguments,
                directory,
                directory.resolve("training.log"));
        if (!Files.exists(archive)) {
            throw new IllegalStateException("the training run wrote no CDS archive; see " + directory);
        }
        return new Trained(Launch.withArchive(jar, archive), Duration.ofNanos(System.nanoTime() - begin));
    }

    record Trained(Launch launch, Duration took) {}

    private static void exec(List<String> jvm, List<String> arguments, Path directory, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Process process = start(jvm, arguments, directory, log);
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("still running after " + LIMIT + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exited with " + process.exitValue() + "; see " + log);
        }
    }

    private static Process start(List<String> jvm, List<String> arguments, Path directory, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }
}
