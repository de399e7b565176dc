package dev.caisey.server.it;

import dev.caisey.record.chain.Signatures;
import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.record.protocol.AccountRole;
import dev.caisey.record.protocol.AgentEnroll;
import dev.caisey.record.protocol.AgentEnrolled;
import dev.caisey.record.protocol.AgentHello;
import dev.caisey.record.protocol.AuthChallenge;
import dev.caisey.record.protocol.Login;
import dev.caisey.record.protocol.LoginOk;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionInfo;
import dev.caisey.server.CaiseyServer;
import dev.caisey.server.auth.Organisation;
import dev.caisey.server.tls.TlsMaterial;
import dev.caisey.server.ws.WebSockets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;

/**
 * A real server on a free loopback port with one organisation, a technician, a manager and helpers to connect real
 * clients to it: what the integration tests stand on.
 */
public final class ServerFixture implements AutoCloseable {
    /** The technician's password. */
    public static final String PASSWORD = "correct horse battery staple";

    /** The sample organisation: risky commands need approval. */
    public static final String HARBOR = "o-harbor";

    private final CaiseyServer server;
    private final SSLContext trust;

    private ServerFixture(CaiseyServer server) {
        this.server = server;
        this.trust = TlsMaterial.clientContextTrusting(server.tls().certificate());
    }

    /** Starts a server in {@code dir} with the sample organisation and accounts. */
    public static ServerFixture start(Path dir, Duration approvalWait) {
        return start(dir, approvalWait, Clock.systemUTC());
    }

    /** Starts a server in {@code dir} whose clock is {@code clock} (a test clock to expire tokens and approvals). */
    public static ServerFixture start(Path dir, Duration approvalWait, Clock clock) {
        return start(dir, approvalWait, clock, null);
    }

    /** Starts a server in {@code dir} that shows clients {@code company} as the support company's name. */
    public static ServerFixture start(Path dir, Duration approvalWait, Clock clock, String company) {
        return start(
                new CaiseyServer.Config(dir, "127.0.0.1", 0, "127.0.0.1", approvalWait, clock).withCompany(company));
    }

    /** Starts a server with {@code config} (on loopback) and the sample organisation and accounts. */
    public static ServerFixture start(CaiseyServer.Config config) {
        CaiseyServer server = CaiseyServer.start(config);
        var context = server.context();
        Instant now = Instant.now();
        if (context.organisations().find(HARBOR).isEmpty()) {
            context.organisations()
                    .create(
                            new Organisation(
                                    HARBOR,
                                    "Harbor Accounting LLP",
                                    ZoneId.of("America/New_York"),
                                    240,
                                    ApprovalPolicy.RISKY,
                                    false),
                            now);
            context.organisations()
                    .create(
                            new Organisation(
                                    "o-other", "Other Co", ZoneId.of("Europe/Berlin"), 60, ApprovalPolicy.NONE, false),
                            now);
            context.accounts().create("dana", "Dana Whitfield", AccountRole.TECHNICIAN, HARBOR, PASSWORD, now);
            context.accounts().create("mia", "Mia Chen", AccountRole.MANAGER, HARBOR, PASSWORD, now);
            context.accounts().create("sam", "Sam Other", AccountRole.TECHNICIAN, "o-other", PASSWORD, now);
        }
        return new ServerFixture(server);
    }

    /** The running server. */
    public CaiseyServer server() {
        return server;
    }

    /** A TLS context that trusts exactly this server's certificate. */
    public SSLContext trust() {
        return trust;
    }

    /**
     * How many events each session has accepted so far, by session id: compared before and after a refused request to
     * show that it changed nothing in the record.
     */
    public Map<String, Long> heads() {
        var context = server.context();
        Map<String, Long> heads = new TreeMap<>();
        for (SessionInfo info :
                context.catalog().page(organisation -> true, null).sessions()) {
            heads.put(info.session(), context.sessions().state(info.session()).lastSeq());
        }
        return heads;
    }

    /** A console connection signed in as {@code user}. */
    public WireClient console(String user) throws Exception {
        WireClient console = WireClient.connect(server.port(), WebSockets.CONSOLE_PATH, trust);
        console.ask(new Login(user, PASSWORD), LoginOk.class);
        return console;
    }

    /** An unauthenticated connection to one of the WebSocket paths. */
    public WireClient connect(String path) throws Exception {
        return WireClient.connect(server.port(), path, trust);
    }

    /** An agent enrolled in {@code organisation} and signed in, with its key and ids. */
    public record Agent(WireClient wire, KeyPair key, String agentId, String endpointId) implements AutoCloseable {
        @Override
        public void close() throws java.io.IOException {
            wire.close();
        }
    }

    /** Enrolls a new agent of {@code organisation} named {@code hostname} and signs it in on a fresh connection. */
    public Agent enrollAgent(String organisation, String hostname) throws Exception {
        String token = server.context()
                .enrollment()
                .createEnrollmentToken(organisation, Duration.ofHours(1), Instant.now())
                .token();
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        WireClient wire = connect(WebSockets.AGENT_PATH);
        AuthChallenge challenge = wire.awaitBody(AuthChallenge.class);
        AgentEnrolled enrolled = wire.ask(
                new AgentEnroll(token, Signatures.encode(key.getPublic()), hostname, "Windows 11 Pro", "0.1.0"),
                AgentEnrolled.class);
        wire.ask(
                AgentHello.sign(
                        key.getPrivate(),
                        enrolled.agentId(),
                        challenge.nonceBytes(),
                        hostname,
                        "Windows 11 Pro",
                        "0.1.0",
                        System.currentTimeMillis() * 1000),
                Ok.class);
        return new Agent(wire, key, enrolled.agentId(), enrolled.endpointId());
    }

    @Override
    public void close() {
        server.close();
    }
}
