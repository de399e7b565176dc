package dev.caisey.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.caisey.record.chain.Signatures;
import dev.caisey.record.protocol.AgentEnroll;
import dev.caisey.record.protocol.AgentEnrolled;
import dev.caisey.record.protocol.AgentHello;
import dev.caisey.record.protocol.AuthChallenge;
import dev.caisey.record.protocol.ChatSend;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Login;
import dev.caisey.record.protocol.LoginOk;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionCreated;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.server.it.SyscallTrace.Call;
import dev.caisey.server.ws.WebSockets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed process keeps the OS page cache, so {@link ServerCrashIT} alone cannot show that acknowledged events would
 * survive a power cut. This test runs the server under {@code strace} while a console sends chat messages one at a
 * time, and reads the system calls back: every {@code ok} the server writes to a socket comes after an {@code fsync}
 * of the database file that began after the last write to that file before it, and each message's own bytes were
 * written to the file and forced to disk before the {@code ok} that follows them.
 *
 * <p>Needs {@code strace} and permission to trace (ptrace); skipped without them.
 */
class AckAfterFsyncIT {
    private static final int CHATS = 30;
    private static final String DATABASE_FILE = "caisey.mv.db";

    /** Kept when the test fails: the trace, the data folder and the server's logs. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private ChildServer server;

    @AfterEach
    void killServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyOkLeavesTheServerOnlyAfterTheFsyncOfWhatItAcknowledges() throws Exception {
        assumeTrue(
                SyscallTrace.available(),
                "strace is not installed or may not trace here (ptrace not permitted): install the Debian package"
                        + " strace to run this test");
        Path data = dir.resolve("data");
        Path traceFile = dir.resolve("server.strace");
        System.out.println("trace (kept if the test fails): " + traceFile);
        String token = CrashLoad.prepare(data);
        server = ChildServer.start(data, dir.resolve("logs"), "traced", SyscallTrace.command(traceFile));

        String nonce = UUID.randomUUID().toString().substring(0, 8);
        List<String> texts = new ArrayList<>();
        long from;
        long to;
        BlockingQueue<Frame> agentInbox = new LinkedBlockingQueue<>();
        try (AsyncWire agent =
                        AsyncWire.connect(server.port(), WebSockets.AGENT_PATH, server.trust(), agentInbox::add);
                AsyncWire console =
                        AsyncWire.connect(server.port(), WebSockets.CONSOLE_PATH, server.trust(), frame -> {})) {
            String endpoint = signIn(agent, agentInbox, token);
            console.ask(new Login(CrashLoad.USER, CrashLoad.PASSWORD), LoginOk.class);
            String session = console.ask(new SessionOpen(endpoint, "HD-7001", null), SessionCreated.class)
                    .session();
            // Only the oks cross the sockets from here on: the console follows no feed, the agent gets no command.
            from = nowMicros();
            for (int i = 1; i <= CHATS; i++) {
                String text = "fsync-probe-" + nonce + "-" + i;
                console.ask(new ChatSend(session, text), Ok.class);
                texts.add(text);
            }
            to = nowMicros();
        }
        server.kill(); // strace writes out its trace and ends with the server
        SyscallTrace trace = SyscallTrace.read(traceFile);
        assertThat(violations(trace, server.port(), from, to, texts)).isEmpty();
    }

    /**
     * What in the trace contradicts "no acknowledgement before the fsync of what it acknowledges": a socket write of
     * the server while the chats were answered ({@code from}–{@code to}, UTC microseconds) with no completed fsync of
     * the database file between the last write to that file and it; a chat text never written to the file; or one
     * whose write was not forced to disk before the server's next socket write.
     */
    static List<String> violations(SyscallTrace trace, int port, long from, long to, List<String> texts) {
        List<Call> fileWrites = trace.calls(c -> c.isWrite() && c.target().endsWith("/" + DATABASE_FILE));
        List<Call> syncs = trace.calls(c -> c.isSync() && c.target().endsWith("/" + DATABASE_FILE));
        // The server's side of its connections: TCP:[127.0.0.1:PORT->…] or TCPv6:[[::ffff:127.0.0.1]:PORT->…].
        List<Call> socketWrites = trace.calls(
                c -> c.isWrite() && c.target().startsWith("TCP") && c.target().contains(":" + port + "->"));
        List<Call> oks = socketWrites.stream()
                .filter(c -> c.atMicros() >= from && c.atMicros() <= to)
                .toList();
        System.out.printf(
                "strace: %d oks, %d socket writes while they were sent; %d writes to %s and %d fsyncs of it in all%n",
                texts.size(), oks.size(), fileWrites.size(), DATABASE_FILE, syncs.size());
        List<String> violations = new ArrayList<>();
        if (oks.size() < texts.size()) {
            violations.add("only " + oks.size() + " socket writes for " + texts.size() + " oks");
        }
        for (Call ok : oks) {
            Call lastWrite = fileWrites.stream()
                    .filter(w -> w.start() < ok.start())
                    .reduce((a, b) -> b.end() > a.end() ? b : a)
                    .orElse(null);
            if (lastWrite != null && !synced(syncs, lastWrite, ok)) {
                violations.add("no fsync between the write to " + DATABASE_FILE + " on line " + (lastWrite.start() + 1)
                        + " and the socket write on line " + (ok.start() + 1));
            }
        }
        for (String text : texts) {
            Call written = fileWrites.stream()
                    .filter(w -> w.text().contains(text))
                    .findFirst()
                    .orElse(null);
            Call next = written == null
                    ? null
                    : socketWrites.stream()
                            .filter(w -> w.start() > written.end())
                            .findFirst()
                            .orElse(null);
            if (written == null || next == null) {
                violations.add("'" + text + "' was " + (written == null ? "never written" : "never answered"));
            } else if (!synced(syncs, written, next)) {
                violations.add("'" + text + "', written on line " + (written.start() + 1)
                        + ", was not forced to disk before the socket write on line " + (next.start() + 1));
            }
        }
        return violations;
    }

    /** Whether an fsync began after {@code write} ended and ended before {@code send} began. */
    private static boolean synced(List<Call> syncs, Call write, Call send) {
        return syncs.stream().anyMatch(s -> s.start() > write.end() && s.end() < send.start());
    }

    /** Enrolls the agent and signs it in; returns its endpoint id. */
    private static String signIn(AsyncWire agent, BlockingQueue<Frame> inbox, String token) throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Frame first = inbox.poll(AsyncWire.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(first).as("the server's challenge").isNotNull();
        AuthChallenge challenge = (AuthChallenge) first.body();
        AgentEnrolled enrolled = agent.ask(
                new AgentEnroll(token, Signatures.encode(key.getPublic()), "PRN-TRACE-01", "Windows 11 Pro", "0.1.0"),
                AgentEnrolled.class);
        agent.ask(
                AgentHello.sign(
                        key.getPrivate(),
                        enrolled.agentId(),
                        challenge.nonceBytes(),
                        "PRN-TRACE-01",
                        "Windows 11 Pro",
                        "0.1.0",
                        nowMicros()),
                Ok.class);
        return enrolled.endpointId();
    }

    /** Now in UTC microseconds, as precise as strace's {@code -ttt} (currentTimeMillis could end the window early). */
    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
