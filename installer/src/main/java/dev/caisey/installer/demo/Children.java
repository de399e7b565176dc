package dev.caisey.installer.demo;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The processes the demo starts (server, agent, console), each through its own launcher in {@code bin/} and logging to
 * a file in the demo's folder. {@link #close()} stops them in the reverse order, politely first (SIGTERM, so the server
 * writes its last checkpoint and the agent records its running commands as cancelled), then by force.
 */
final class Children implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Children.class.getName());

    /** How long a child may take to stop after SIGTERM before it is killed. */
    static final long STOP_WAIT_SECONDS = 15;

    /** How long a one-shot command (admin, enroll) may run. */
    static final long ONE_SHOT_WAIT_SECONDS = 120;

    private final Path bin;
    private final Path logs;
    private final Deque<Process> running = new ArrayDeque<>();

    Children(Path bin, Path logs) {
        this.bin = bin;
        this.logs = logs;
    }

    /** What a one-shot command printed and returned. */
    record Result(int status, String out) {}

    /** Runs a launcher to its end with {@code stdin} as its input; its stderr goes to the log. */
    Result run(String command, String stdin, Map<String, String> env, List<String> args) {
        Path log = logs.resolve(command + ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(line(command, args))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write((stdin + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(ONE_SHOT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new DemoException(command + " " + args.getFirst() + " did not finish; see " + log);
            }
            return new Result(process.exitValue(), out);
        } catch (IOException e) {
            throw new DemoException("Could not run " + bin.resolve(command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("Stopped while " + command + " was running.");
        }
    }

    /** Starts a long-running launcher; its output goes to {@code <name>.log}. */
    Process start(String command, String name, Map<String, String> env, List<String> args) {
        Path log = logs.resolve(name + ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(line(command, args))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(env);
            Process process = builder.start();
            synchronized (running) {
                running.push(process);
            }
            return process;
        } catch (IOException e) {
            throw new DemoException("Could not start " + bin.resolve(command) + ": " + e.getMessage());
        }
    }

    private List<String> line(String command, List<String> args) {
        List<String> line = new ArrayList<>();
        line.add(bin.resolve(command).toString());
        line.addAll(args);
        return line;
    }

    @Override
    public void close() {
        List<Process> stopping;
        synchronized (running) {
            stopping = new ArrayList<>(running);
            running.clear();
        }
        for (Process process : stopping) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.log(
                            Level.WARNING,
                            "process {0} did not stop within {1} s; killing it",
                            process.pid(),
                            STOP_WAIT_SECONDS);
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
