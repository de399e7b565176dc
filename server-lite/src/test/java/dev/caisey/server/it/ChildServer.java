package dev.caisey.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.server.cli.ServerCommand;
import dev.caisey.server.tls.TlsMaterial;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The real {@code caisey-server} command in a child JVM on this test's classpath: {@code admin …} commands run to
 * completion, {@code start} runs until it is killed with SIGKILL. The started server's port is read from the line it
 * prints ({@code --port 0} picks a free one, so it may change at every start); its certificate is trusted only if its
 * fingerprint is the one printed.
 */
final class ChildServer implements AutoCloseable {
    /** How long a child JVM may take to print that it listens. */
    static final Duration START_WAIT = Duration.ofSeconds(30);

    /** How long an admin command may take. */
    static final Duration ADMIN_WAIT = Duration.ofSeconds(30);

    /** How long a killed child may take to be gone. */
    static final Duration EXIT_WAIT = Duration.ofSeconds(10);

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Pattern LISTENING = Pattern.compile("listening on https://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern FINGERPRINT = Pattern.compile("TLS certificate SHA-256 fingerprint: ([0-9A-F:]+)");

    private final Process process;
    private final int port;
    private final SSLContext trust;

    private ChildServer(Process process, int port, SSLContext trust) {
        this.process = process;
        this.port = port;
        this.trust = trust;
    }

    /**
     * Starts {@code caisey-server start} on {@code data}, on a free loopback port, its output in {@code logs}.
     *
     * @param wrapper a command the JVM runs under (such as {@code strace …}), or empty
     */
    static ChildServer start(Path data, Path logs, String name, List<String> wrapper)
            throws IOException, InterruptedException {
        Files.createDirectories(logs);
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(java());
        command.addAll(List.of("start", "--data", data.toString(), "--port", "0", "--bind", "127.0.0.1"));
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + START_WAIT.toNanos();
            String printed = Files.readString(out);
            while (!FINGERPRINT.matcher(printed).find() && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(POLL.toMillis());
                printed = Files.readString(out);
            }
            Matcher listening = LISTENING.matcher(printed);
            Matcher fingerprint = FINGERPRINT.matcher(printed);
            assertThat(listening.find() && fingerprint.find())
                    .as(
                            "%s printed where it listens within %s; it printed:%n%s%nand logged:%n%s",
                            name, START_WAIT, printed, tail(err))
                    .isTrue();
            TlsMaterial tls = TlsMaterial.loadOrCreate(data, "127.0.0.1", Instant.now());
            assertThat(tls.fingerprint())
                    .as("the certificate in the data folder is the one the server printed")
                    .isEqualTo(fingerprint.group(1));
            return new ChildServer(
                    process,
                    Integer.parseInt(listening.group(1)),
                    TlsMaterial.clientContextTrusting(tls.certificate()));
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            kill(process);
            throw e;
        }
    }

    /**
     * Runs {@code caisey-server admin SUBCOMMAND --data DIR ARGS…}, feeding it {@code input} (or nothing), and returns
     * what it printed; fails unless it exits with 0.
     */
    static String admin(Path data, String input, String subcommand, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(java());
        command.addAll(List.of("admin", subcommand, "--data", data.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        try {
            try (OutputStream in = process.getOutputStream()) {
                if (input != null) {
                    in.write((input + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            // Small outputs: read after exit without risk of a full pipe.
            assertThat(process.waitFor(ADMIN_WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .as("admin %s finished within %s", subcommand, ADMIN_WAIT)
                    .isTrue();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue())
                    .as("exit status of admin %s; it printed %s and %s", subcommand, out, err)
                    .isZero();
            return out;
        } finally {
            kill(process);
        }
    }

    /** The port the server listens on. */
    int port() {
        return port;
    }

    /** A client TLS context trusting exactly the certificate whose fingerprint the server printed. */
    SSLContext trust() {
        return trust;
    }

    /** Kills the server JVM with SIGKILL (and so, under a wrapper, lets the wrapper finish) and waits for it. */
    void kill() throws InterruptedException {
        kill(process);
    }

    @Override
    public void close() throws IOException {
        try {
            kill(process);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void kill(Process process) throws InterruptedException {
        // Under a wrapper the JVM is a descendant: kill it first, so the wrapper sees it die and ends by itself.
        List<ProcessHandle> inner = process.descendants().toList();
        inner.forEach(ProcessHandle::destroyForcibly); // SIGKILL on Linux
        if (inner.isEmpty() || !process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
        assertThat(process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .as("the child process is gone")
                .isTrue();
    }

    private static List<String> java() {
        return List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                ServerCommand.class.getName());
    }

    private static String tail(Path file) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "";
        return text.length() <= 4_000 ? text : "…" + text.substring(text.length() - 4_000);
    }
}
