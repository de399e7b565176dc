package dev.caisey.server.it;

import dev.caisey.record.chain.Signatures;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Shell;
import dev.caisey.record.protocol.AgentAck;
import dev.caisey.record.protocol.AgentEnroll;
import dev.caisey.record.protocol.AgentEnrolled;
import dev.caisey.record.protocol.AgentHello;
import dev.caisey.record.protocol.AgentReport;
import dev.caisey.record.protocol.AuthChallenge;
import dev.caisey.record.protocol.ChatSend;
import dev.caisey.record.protocol.CommandRequest;
import dev.caisey.record.protocol.CommandRun;
import dev.caisey.record.protocol.ErrorReply;
import dev.caisey.record.protocol.EventPush;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Login;
import dev.caisey.record.protocol.LoginOk;
import dev.caisey.record.protocol.Message;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionClose;
import dev.caisey.record.protocol.SessionCreated;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.record.protocol.SessionSubscribe;
import dev.caisey.server.ws.WebSockets;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The load of {@link ServerCrashIT}, and the account of what the server acknowledged under it.
 *
 * <p>One technician console per session sends chat messages, each with a unique text, several in flight; one agent
 * streams output of a long-running command in every session, each report with a unique event id. A chat counts as
 * acknowledged when its request got {@code ok}; a report when its {@code agent.ack} came. Each console also follows
 * its session's live feed and notes any gap or repeat. Across server lives the load keeps its sessions: the agent
 * signs in again with its key and first resends the reports never acknowledged (as a real agent's spool does), the
 * consoles sign in again and resume their feeds after the last {@code seq} they saw.
 */
final class CrashLoad {
    static final String USER = "dana";
    static final String PASSWORD = "correct horse battery staple";
    static final String COMMAND = "c-follow-log";
    static final String ORGANISATION = "o-crash";

    private static final String HOST = "PRN-CRASH-01";
    private static final String OS = "Windows 11 Pro";
    private static final String VERSION = "0.1.0";
    private static final int CONSOLE_IN_FLIGHT = 8;
    private static final int AGENT_IN_FLIGHT = 16;
    private static final Duration PERMIT_WAIT = Duration.ofMillis(50);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final KeyPair agentKey;
    private final List<Track> tracks = new ArrayList<>();
    private final Map<String, AgentReport> spool = new LinkedHashMap<>(); // guarded by itself
    private final AtomicLong reports = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private String agentId;
    private String endpointId;

    /** The load for {@code sessions} sessions, none opened yet. */
    CrashLoad(int sessions) throws NoSuchAlgorithmException {
        agentKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        for (int i = 0; i < sessions; i++) {
            tracks.add(new Track(i));
        }
    }

    /** One session's part: what was acknowledged in it and how far its console's feed got. */
    static final class Track {
        final int index;
        final Set<String> ackedChats = ConcurrentHashMap.newKeySet();
        final Set<String> ackedReports = ConcurrentHashMap.newKeySet();
        private final AtomicLong chats = new AtomicLong();
        private final AtomicLong outputChars = new AtomicLong();
        private volatile String session;
        private long seenSeq; // guarded by this, with seenHash
        private String seenHash = RecordedEvent.GENESIS;

        private Track(int index) {
            this.index = index;
        }

        String session() {
            return session;
        }

        synchronized long seenSeq() {
            return seenSeq;
        }

        synchronized String seenHash() {
            return seenHash;
        }

        synchronized void saw(RecordedEvent event, List<String> problems) {
            if (event.seq() != seenSeq + 1 || !event.prev().equals(seenHash)) {
                problems.add("the feed of " + session + " went from seq " + seenSeq + " to " + event.seq()
                        + (event.prev().equals(seenHash) ? "" : " with a prev that is not the hash of the last"));
            }
            seenSeq = event.seq();
            seenHash = event.hash();
        }
    }

    /** Sets up the data folder with the real admin commands, before the first start; returns an enrollment token. */
    static String prepare(Path data) throws Exception {
        ChildServer.admin(
                data,
                null,
                "org-add",
                ORGANISATION,
                "--name",
                "Crash Test Co",
                "--zone",
                "UTC",
                "--sla",
                "60",
                "--policy",
                "none");
        ChildServer.admin(
                data,
                PASSWORD,
                "user-add",
                USER,
                "--name",
                "Dana Whitfield",
                "--role",
                "technician",
                "--org",
                ORGANISATION,
                "--password-stdin");
        return ChildServer.admin(data, null, "enroll-token", "--org", ORGANISATION, "--expires", "1h")
                .strip();
    }

    List<Track> tracks() {
        return tracks;
    }

    /** What went wrong on the wire: refusals, gaps or repeats in a feed, threads that would not stop. */
    List<String> problems() {
        return problems;
    }

    /** How many unacknowledged reports the agent has resent after restarts so far. */
    long resent() {
        return resent.get();
    }

    /** How many chats and reports were acknowledged so far. */
    long acknowledged() {
        return tracks.stream()
                .mapToLong(t -> t.ackedChats.size() + t.ackedReports.size())
                .sum();
    }

    /**
     * Connects an agent and the consoles to a started server. The first time (with an enrollment token) it enrolls
     * the agent, opens the sessions and starts the command whose output the agent streams; later it signs in again,
     * resends the agent's unacknowledged reports and resumes every feed.
     */
    Life connect(ChildServer server, String enrollmentToken) throws Exception {
        Life life = new Life();
        try {
            BlockingQueue<Frame> agentInbox = new LinkedBlockingQueue<>();
            life.agent = life.open(server, WebSockets.AGENT_PATH, agentInbox::add);
            AuthChallenge challenge = take(agentInbox, AuthChallenge.class, c -> true);
            if (agentId == null) {
                AgentEnrolled enrolled = life.agent.ask(
                        new AgentEnroll(enrollmentToken, Signatures.encode(agentKey.getPublic()), HOST, OS, VERSION),
                        AgentEnrolled.class);
                agentId = enrolled.agentId();
                endpointId = enrolled.endpointId();
            }
            life.agent.ask(
                    AgentHello.sign(
                            agentKey.getPrivate(), agentId, challenge.nonceBytes(), HOST, OS, VERSION, nowMicros()),
                    Ok.class);
            resendSpool(life.agent);
            for (Track track : tracks) {
                AsyncWire console = life.open(server, WebSockets.CONSOLE_PATH, frame -> {
                    if (frame.body() instanceof EventPush push) {
                        track.saw(push.event(), problems);
                    }
                });
                life.consoles.add(console);
                console.ask(new Login(USER, PASSWORD), LoginOk.class);
                boolean first = track.session == null;
                if (first) {
                    track.session = console.ask(
                                    new SessionOpen(endpointId, "HD-" + (5100 + track.index), null),
                                    SessionCreated.class)
                            .session();
                }
                console.ask(new SessionSubscribe(track.session, track.seenSeq()), Ok.class);
                if (first) {
                    startCommand(life.agent, agentInbox, console, track);
                }
            }
            return life;
        } catch (Exception | AssertionError e) {
            life.close();
            throw e;
        }
    }

    private void startCommand(AsyncWire agent, BlockingQueue<Frame> agentInbox, AsyncWire console, Track track)
            throws Exception {
        console.ask(
                new CommandRequest(
                        track.session,
                        COMMAND,
                        Shell.POWERSHELL,
                        "Get-Content C:\\Logs\\app.log -Wait",
                        null,
                        3_600,
                        "Follow the application log",
                        false),
                Ok.class);
        take(agentInbox, CommandRun.class, run -> run.session().equals(track.session));
        AgentReport started =
                new AgentReport(track.session, "start-" + track.index, nowMicros(), new CommandStarted(COMMAND, 4242L));
        report(agent, started).get(AsyncWire.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Resends, in order, every report the agent sent but never saw acknowledged, and waits for the answers. */
    private void resendSpool(AsyncWire agent) throws Exception {
        List<AgentReport> unacknowledged;
        synchronized (spool) {
            unacknowledged = List.copyOf(spool.values());
        }
        resent.addAndGet(unacknowledged.size());
        List<CompletableFuture<Boolean>> answers = new ArrayList<>();
        for (AgentReport r : unacknowledged) {
            answers.add(report(agent, r));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .get(AsyncWire.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends a report; completes with whether it was acknowledged (it stays in the spool until it is). */
    private CompletableFuture<Boolean> report(AsyncWire agent, AgentReport report) {
        synchronized (spool) {
            spool.put(report.eventId(), report);
        }
        return agent.request(report).thenApply(frame -> {
            boolean acked =
                    frame.body() instanceof AgentAck ack && ack.eventIds().contains(report.eventId());
            if (!acked) {
                problems.add("agent.report " + report.eventId() + " was answered with " + describe(frame.body()));
            }
            synchronized (spool) {
                spool.remove(report.eventId());
            }
            if (acked) {
                track(report.session()).ackedReports.add(report.eventId());
            }
            return acked;
        });
    }

    private Track track(String session) {
        return tracks.stream()
                .filter(t -> session.equals(t.session))
                .findFirst()
                .orElseThrow();
    }

    private static String describe(Message body) {
        return body instanceof ErrorReply error
                ? "error " + error.code().wireName() + ": " + error.message()
                : body.type().wireName();
    }

    private static <T extends Message> T take(BlockingQueue<Frame> inbox, Class<T> type, Predicate<T> match)
            throws InterruptedException {
        long deadline = System.nanoTime() + AsyncWire.WAIT.toNanos();
        List<Frame> skipped = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            Frame frame = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (frame != null && type.isInstance(frame.body()) && match.test(type.cast(frame.body()))) {
                return type.cast(frame.body());
            }
            if (frame != null) {
                skipped.add(frame);
            }
        }
        throw new AssertionError(
                "no " + type.getSimpleName() + " came within " + AsyncWire.WAIT + "; came: " + skipped);
    }

    private static long nowMicros() {
        return System.currentTimeMillis() * 1_000;
    }

    /** The connections and load threads of one server life. */
    final class Life implements AutoCloseable {
        private final List<AsyncWire> wires = new ArrayList<>();
        private final List<AsyncWire> consoles = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
        private AsyncWire agent;
        private volatile boolean running = true;

        private AsyncWire open(ChildServer server, String path, java.util.function.Consumer<Frame> unsolicited)
                throws Exception {
            AsyncWire wire = AsyncWire.connect(server.port(), path, server.trust(), unsolicited);
            wires.add(wire);
            return wire;
        }

        /** Starts the load: it runs until {@link #close}, the server's death or {@code limit}, whichever is first. */
        void start(Duration limit) {
            long deadline = System.nanoTime() + limit.toNanos();
            for (int i = 0; i < tracks.size(); i++) {
                Track track = tracks.get(i);
                AsyncWire console = consoles.get(i);
                threads.add(Thread.ofPlatform()
                        .name("crash-console-" + i)
                        .start(() -> chatUntil(console, track, deadline)));
            }
            threads.add(Thread.ofPlatform().name("crash-agent").start(() -> streamUntil(agent, deadline)));
        }

        /** Closes every session with a resolution; each close must be acknowledged. */
        void closeSessions() throws Exception {
            for (int i = 0; i < tracks.size(); i++) {
                consoles.get(i)
                        .ask(
                                new SessionClose(
                                        tracks.get(i).session,
                                        "Crash test over: the session survived every kill.",
                                        Outcome.RESOLVED),
                                Ok.class);
            }
        }

        private void chatUntil(AsyncWire console, Track track, long deadline) {
            Semaphore inFlight = new Semaphore(CONSOLE_IN_FLIGHT);
            while (running && !console.isClosed() && System.nanoTime() < deadline) {
                if (!acquire(inFlight)) {
                    continue;
                }
                String text = "chat " + track.index + "-" + track.chats.incrementAndGet();
                console.request(new ChatSend(track.session, text)).whenComplete((frame, failure) -> {
                    inFlight.release();
                    if (failure != null) {
                        return; // the connection ended first: not acknowledged
                    }
                    if (frame.body() instanceof Ok) {
                        track.ackedChats.add(text);
                    } else {
                        problems.add("chat '" + text + "' was answered with " + describe(frame.body()));
                    }
                });
            }
        }

        private void streamUntil(AsyncWire agent, long deadline) {
            Semaphore inFlight = new Semaphore(AGENT_IN_FLIGHT);
            int next = 0;
            while (running && !agent.isClosed() && System.nanoTime() < deadline) {
                if (!acquire(inFlight)) {
                    continue;
                }
                Track track = tracks.get(next++ % tracks.size());
                long n = reports.incrementAndGet();
                String line = "line " + n + "\r\n";
                Event output = new CommandOutput(
                        COMMAND, OutputChannel.STDOUT, track.outputChars.getAndAdd(line.length()), line);
                report(agent, new AgentReport(track.session, "out-" + track.index + "-" + n, nowMicros(), output))
                        .whenComplete((acked, failure) -> inFlight.release());
            }
        }

        private boolean acquire(Semaphore inFlight) {
            try {
                return inFlight.tryAcquire(PERMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                return false;
            }
        }

        /** Stops the load, closes the connections and waits for the load threads. */
        @Override
        public void close() throws IOException {
            running = false;
            for (AsyncWire wire : wires) {
                wire.close();
            }
            for (Thread thread : threads) {
                try {
                    if (!thread.join(STOP_WAIT)) {
                        problems.add(thread.getName() + " did not stop within " + STOP_WAIT);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
