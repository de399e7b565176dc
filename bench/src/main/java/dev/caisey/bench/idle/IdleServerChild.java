package dev.caisey.bench.idle;

import dev.caisey.bench.footprint.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parent's side of {@link IdleServer}: starts it, reads its port, asks it for its heap and its online agents,
 * measures its CPU time, and stops it.
 */
final class IdleServerChild implements AutoCloseable {
    /** Limit for the child to start and to answer. */
    static final Duration CHILD_WAIT = Duration.ofSeconds(60);

    private static final Pattern READY = Pattern.compile(IdleServer.READY + " port=(\\d+)");
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int LOG_TAIL_CHARS = 4_000;

    /** What the server said about itself after a full collection. */
    record State(long heapBytes, long online) {}

    private final ChildJvm jvm;
    private final ProcessHandle process;
    private final int port;
    private int questions;

    private IdleServerChild(ChildJvm jvm, int port) {
        this.jvm = jvm;
        this.process = ProcessHandle.of(jvm.pid()).orElseThrow();
        this.port = port;
    }

    /** Starts the server with tokens for {@code agents} written to {@code tokensFile}, and waits until it listens. */
    static IdleServerChild start(Path data, int agents, Path tokensFile, Path log) throws InterruptedException {
        ChildJvm jvm = ChildJvm.start(
                List.of(),
                IdleServer.class.getName(),
                List.of(data.toString(), Integer.toString(agents), tokensFile.toString()),
                log);
        try {
            return new IdleServerChild(
                    jvm, Integer.parseInt(awaitLine(jvm, READY).group(1)));
        } catch (InterruptedException | RuntimeException e) {
            jvm.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** The server's heap in use after a full collection, and how many agents it has online. */
    State state() throws InterruptedException {
        int n = ++questions;
        jvm.send("heap " + n);
        Matcher m = awaitLine(jvm, Pattern.compile(IdleServer.PREFIX + " " + n + " heap=(\\d+) online=(\\d+)"));
        return new State(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    /** The server's CPU time over {@code window}, as a percentage of one core. */
    double cpuPercent(Duration window) throws InterruptedException {
        Duration before = cpu();
        long start = System.nanoTime();
        Thread.sleep(window);
        return 100.0 * cpu().minus(before).toNanos() / (System.nanoTime() - start);
    }

    private Duration cpu() {
        return process.info()
                .totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this system does not report a process's CPU time"));
    }

    private static Matcher awaitLine(ChildJvm jvm, Pattern line) throws InterruptedException {
        long deadline = System.nanoTime() + CHILD_WAIT.toNanos();
        do {
            Matcher m = line.matcher(jvm.logText());
            if (m.find()) {
                return m;
            }
            Thread.sleep(POLL);
        } while (System.nanoTime() < deadline && jvm.isAlive());
        Matcher m = line.matcher(jvm.logText());
        if (m.find()) {
            return m;
        }
        String log = jvm.logText();
        throw new IllegalStateException("the idle server did not print " + line + " within " + CHILD_WAIT.toSeconds()
                + " s; the end of its log:\n"
                + (log.length() <= LOG_TAIL_CHARS ? log : "…" + log.substring(log.length() - LOG_TAIL_CHARS)));
    }

    /** Asks the server to stop, then makes sure it has. */
    @Override
    public void close() {
        try {
            if (jvm.isAlive()) {
                jvm.send("quit");
            }
        } catch (RuntimeException e) {
            // it ended by itself meanwhile; close() below makes sure
        } finally {
            jvm.close();
        }
    }
}
