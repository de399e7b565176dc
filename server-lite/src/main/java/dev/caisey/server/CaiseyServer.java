package dev.caisey.server;

import dev.caisey.record.chain.SigningKey;
import dev.caisey.report.mail.ReportMailer;
import dev.caisey.server.audit.AccessLog;
import dev.caisey.server.auth.Accounts;
import dev.caisey.server.auth.AgentAuthenticator;
import dev.caisey.server.auth.Endpoints;
import dev.caisey.server.auth.Enrollment;
import dev.caisey.server.auth.Organisations;
import dev.caisey.server.auth.PasswordHasher;
import dev.caisey.server.auth.SessionTokens;
import dev.caisey.server.auth.ShareTokens;
import dev.caisey.server.clients.ClientPasses;
import dev.caisey.server.clients.JoinCodes;
import dev.caisey.server.clients.JoinHandler;
import dev.caisey.server.db.Database;
import dev.caisey.server.mail.ClientAddresses;
import dev.caisey.server.mail.MailOptions;
import dev.caisey.server.mail.ReportDelivery;
import dev.caisey.server.mail.SmtpConfig;
import dev.caisey.server.reports.SessionReports;
import dev.caisey.server.sessions.SessionCatalog;
import dev.caisey.server.sessions.SessionCommands;
import dev.caisey.server.sessions.Sessions;
import dev.caisey.server.share.ExportHandler;
import dev.caisey.server.share.SessionExport;
import dev.caisey.server.share.ShareHandler;
import dev.caisey.server.store.EventStore;
import dev.caisey.server.store.GroupCommitter;
import dev.caisey.server.store.H2EventStore;
import dev.caisey.server.tls.SigningKeys;
import dev.caisey.server.tls.TlsMaterial;
import dev.caisey.server.web.FailedAttempts;
import dev.caisey.server.web.HealthHandler;
import dev.caisey.server.web.StaticHandler;
import dev.caisey.server.web.WebServer;
import dev.caisey.server.ws.AgentLinks;
import dev.caisey.server.ws.ServerContext;
import dev.caisey.server.ws.WebSockets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The composition root: builds every part of the server from its configuration, in dependency order, and takes it
 * down in reverse. Nothing else constructs services.
 */
public final class CaiseyServer implements AutoCloseable {
    /** The version reported by {@code /health} and to agents. */
    public static final String VERSION = versionOf(CaiseyServer.class);

    private final Database database;
    private final GroupCommitter committer;
    private final ScheduledExecutorService timers;
    private final WebServer web;
    private final TlsMaterial tls;
    private final SigningKey signingKey;
    private final ServerContext context;

    private CaiseyServer(
            Database database,
            GroupCommitter committer,
            ScheduledExecutorService timers,
            WebServer web,
            TlsMaterial tls,
            SigningKey signingKey,
            ServerContext context) {
        this.database = database;
        this.committer = committer;
        this.timers = timers;
        this.web = web;
        this.tls = tls;
        this.signingKey = signingKey;
        this.context = context;
    }

    /**
     * How to run a server.
     *
     * @param dataDir the data folder (database, keys, certificate)
     * @param bind the address to listen on
     * @param port the TLS port, 0 for any free one
     * @param publicHost the host name people and agents use, put in the certificate and join links ({@code null}:
     *     {@code bind})
     * @param approvalWait how long a client has to answer an approval request
     * @param clock the server's clock
     * @param pkcs12 a certificate and key the administrator provides, or {@code null} for the self-signed one that the
     *     server makes in its data folder
     * @param pkcs12Password the password of {@code pkcs12}
     * @param mail the SMTP password and how failed report e-mails are retried
     * @param company the support company's name, shown to clients on their page, or {@code null} when the page should
     *     name only the technician
     */
    public record Config(
            Path dataDir,
            String bind,
            int port,
            String publicHost,
            Duration approvalWait,
            Clock clock,
            Path pkcs12,
            char[] pkcs12Password,
            MailOptions mail,
            String company) {
        /** Checks the company name: a blank one is none. */
        public Config {
            company = company == null || company.isBlank() ? null : company.strip();
            if (company != null && company.length() > dev.caisey.record.Limits.MAX_SHORT_TEXT_CHARS) {
                throw new dev.caisey.server.ServerException(
                        dev.caisey.record.ErrorCode.INVALID, "The company name is too long; shorten it.");
            }
        }

        /** A configuration with the server's own self-signed certificate. */
        public Config(Path dataDir, String bind, int port, String publicHost, Duration approvalWait, Clock clock) {
            this(dataDir, bind, port, publicHost, approvalWait, clock, null, null, MailOptions.DEFAULT, null);
        }

        /** This configuration with the support company's name. */
        public Config withCompany(String name) {
            return new Config(dataDir, bind, port, publicHost, approvalWait, clock, pkcs12, pkcs12Password, mail, name);
        }

        /** A configuration without an SMTP password and with the default retries of report e-mails. */
        public Config(
                Path dataDir,
                String bind,
                int port,
                String publicHost,
                Duration approvalWait,
                Clock clock,
                Path pkcs12,
                char[] pkcs12Password) {
            this(
                    dataDir,
                    bind,
                    port,
                    publicHost,
                    approvalWait,
                    clock,
                    pkcs12,
                    pkcs12Password,
                    MailOptions.DEFAULT,
                    null);
        }

        /** A copy with other mail options. */
        public Config withMail(MailOptions options) {
            return new Config(
                    dataDir, bind, port, publicHost, approvalWait, clock, pkcs12, pkcs12Password, options, company);
        }

        /** A configuration with the defaults: five minutes for approvals, the system UTC clock. */
        public static Config of(Path dataDir, String bind, int port) {
            return new Config(dataDir, bind, port, null, SessionCommands.DEFAULT_APPROVAL_WAIT, Clock.systemUTC());
        }

        TlsMaterial tls(String host) {
            return pkcs12 != null
                    ? TlsMaterial.load(pkcs12, pkcs12Password)
                    : TlsMaterial.loadOrCreate(dataDir, host, clock.instant());
        }
    }

    /** Builds and starts a server. */
    public static CaiseyServer start(Config config) {
        Clock clock = config.clock();
        Database database = Database.open(config.dataDir());
        try {
            String host = config.publicHost() != null ? config.publicHost() : config.bind();
            TlsMaterial tls = config.tls(host);
            SigningKey signingKey = SigningKeys.loadOrCreate(config.dataDir());
            EventStore store = new H2EventStore(database);
            GroupCommitter committer = new GroupCommitter(store);
            ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("caisey-timers").daemon().factory());
            SessionTokens tokens = new SessionTokens(database);
            Endpoints endpoints = new Endpoints(database);
            Organisations organisations = new Organisations(database);
            Sessions sessions = new Sessions(store, committer, signingKey, clock);
            var presence = ServerContext.presenceListeners();
            AgentLinks links = new AgentLinks(clock, change -> presence.forEach(listener -> listener.accept(change)));
            SessionCommands commands = new SessionCommands(
                    sessions,
                    new Directory(endpoints, organisations, links),
                    links,
                    timers,
                    clock,
                    config.approvalWait());
            AtomicReference<String> baseUrl = new AtomicReference<>();
            ShareTokens shares = new ShareTokens(database);
            SessionExport exports = new SessionExport(store, signingKey);
            SessionReports reports = new SessionReports(exports, tls);
            AccessLog accessLog = new AccessLog(database, clock);
            ReportDelivery reportDelivery = new ReportDelivery(
                    database,
                    new SmtpConfig(database, config.mail()::smtpPassword),
                    reports::pdf,
                    session -> exports.of(session).session(),
                    ReportMailer.create(),
                    accessLog,
                    timers,
                    clock,
                    config.mail().retry());
            JoinCodes joinCodes = new JoinCodes(clock);
            ClientPasses passes = new ClientPasses(clock);
            ServerContext context = new ServerContext(
                    clock,
                    new Accounts(database, new PasswordHasher(), tokens),
                    tokens,
                    organisations,
                    endpoints,
                    new Enrollment(database),
                    new AgentAuthenticator(endpoints, clock),
                    sessions,
                    new SessionCatalog(store),
                    commands,
                    links,
                    joinCodes,
                    passes,
                    config.company(),
                    shares,
                    presence,
                    new ConcurrentHashMap<>(),
                    baseUrl::get,
                    accessLog,
                    new ClientAddresses(database, organisations),
                    reportDelivery);
            OpenSessions.load(store, sessions, context);
            reportDelivery.resume();
            JoinHandler join = new JoinHandler(
                    joinCodes, passes, session -> !sessions.state(session).closed());
            WebServer web = WebServer.start(
                    config.bind(),
                    config.port(),
                    tls.sslContext(),
                    WebSockets.endpoints(context),
                    Map.of(
                            "/health",
                            new HealthHandler(
                                    clock,
                                    VERSION,
                                    () -> links.onlineEndpoints().size()),
                            "/share/*",
                            new ShareHandler(shares, reports, new FailedAttempts(clock), accessLog, clock),
                            "/join",
                            join,
                            "/join/*",
                            join,
                            JoinHandler.PAGE_PATH,
                            join,
                            StaticHandler.PREFIX + "*",
                            new StaticHandler(),
                            "/api/sessions/*",
                            new ExportHandler(tokens, sessions, exports, reports::pdf, accessLog, clock)));
            baseUrl.set("https://" + hostForUrl(host) + ":" + web.port());
            return new CaiseyServer(database, committer, timers, web, tls, signingKey, context);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The port the server listens on. */
    public int port() {
        return web.port();
    }

    /** The TLS certificate's SHA-256 fingerprint, as people compare it ({@code AB:CD:…}). */
    public String fingerprint() {
        return tls.fingerprint();
    }

    /** The TLS material, for clients in tests that trust exactly this certificate. */
    public TlsMaterial tls() {
        return tls;
    }

    /** The key that signs checkpoints. */
    public SigningKey signingKey() {
        return signingKey;
    }

    /** The services, for administration and tests. */
    public ServerContext context() {
        return context;
    }

    /** The database, for administration. */
    public Database database() {
        return database;
    }

    @Override
    public void close() {
        web.close();
        timers.shutdownNow();
        committer.close();
        database.close();
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String versionOf(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
