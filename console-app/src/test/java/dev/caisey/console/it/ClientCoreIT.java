package dev.caisey.console.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.config.ConsoleHome;
import dev.caisey.console.connection.ConnectionSettings;
import dev.caisey.console.connection.ConnectionState;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.http.HttpDownloads;
import dev.caisey.console.trust.CertificateProbe;
import dev.caisey.console.trust.Fingerprint;
import dev.caisey.console.trust.ServerTrust;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.export.RecordExport;
import dev.caisey.record.protocol.LoginOk;
import dev.caisey.record.protocol.SessionCreated;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.record.protocol.ShareCreated;
import dev.caisey.server.it.ServerFixture;
import dev.caisey.server.it.WireClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client core against a real server: trust on first use, sign-in and its refusals, server errors, downloads. */
class ClientCoreIT {
    private static final Fingerprint WRONG = Fingerprint.parse("AB".repeat(32));

    @TempDir
    Path dir;

    private ServerFixture fixture;
    private ServerAddress server;
    private ConsoleHome home;

    @BeforeEach
    void start() {
        fixture = ServerFixture.start(dir.resolve("server"), Duration.ofMinutes(5));
        server = new ServerAddress("127.0.0.1", fixture.server().port());
        home = new ConsoleHome(dir.resolve("config"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private ServerTrust trust() {
        return new ServerTrust(home.knownServers(), new CertificateProbe(Duration.ofSeconds(5)));
    }

    private ConsoleClient client(Fingerprint pinned) {
        return new ConsoleClient(server, pinned, home.knownServers(), ConnectionSettings.standard());
    }

    private static ConsoleException failure(java.util.concurrent.CompletableFuture<?> work) {
        try {
            work.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ConsoleException.class);
            return (ConsoleException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void firstContactShowsTheServersFingerprintAndRemembersItOnlyWhenConfirmed() {
        AtomicReference<Fingerprint> shown = new AtomicReference<>();
        assertThatThrownBy(() -> trust().establish(server, (s, presented) -> {
                    shown.set(presented);
                    return false;
                }))
                .isInstanceOf(ConsoleException.class)
                .hasMessageContaining("was not confirmed");
        assertThat(shown.get()).hasToString(fixture.server().fingerprint());
        assertThat(home.knownServers().find(server)).isEmpty();

        Fingerprint pinned = trust().establish(server, (s, presented) -> true);

        assertThat(pinned).hasToString(fixture.server().fingerprint());
        assertThat(home.knownServers().find(server)).contains(pinned);
        Fingerprint again = trust().establish(server, (s, presented) -> {
            throw new AssertionError("a known server is not confirmed again");
        });
        assertThat(again).isEqualTo(pinned);
    }

    @Test
    void aServerWhoseCertificateChangedIsRefusedWithBothFingerprints() {
        home.knownServers().add(server, WRONG);

        assertThatThrownBy(() -> trust().establish(server, (s, p) -> true))
                .isInstanceOfSatisfying(
                        ConsoleException.class, e -> assertThat(e.failure()).isEqualTo(Failure.UNTRUSTED))
                .hasMessageContaining(
                        "DIFFERENT certificate: " + fixture.server().fingerprint())
                .hasMessageContaining("trusts only " + WRONG);
        assertThat(home.knownServers().find(server)).contains(WRONG);

        try (ConsoleClient client = client(WRONG)) {
            ConsoleException refused = failure(client.login("dana", ServerFixture.PASSWORD));
            assertThat(refused.failure()).isEqualTo(Failure.UNTRUSTED);
            assertThat(refused.getMessage())
                    .contains(fixture.server().fingerprint())
                    .contains(WRONG.toString());
            assertThat(client.state()).isInstanceOf(ConnectionState.Offline.class);
        }
    }

    @Test
    void signInFailuresAreInWordsAndServerRefusalsCarryTheirCode() throws Exception {
        Fingerprint pinned = Fingerprint.parse(fixture.server().fingerprint());
        try (ConsoleClient client = client(pinned)) {
            ConsoleException wrong = failure(client.login("dana", "wrong password"));
            assertThat(wrong.failure()).isEqualTo(Failure.NOT_SIGNED_IN);
            assertThat(wrong.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
            assertThat(wrong.getMessage())
                    .contains("user name or password is wrong")
                    .doesNotContain("wrong password");
            assertThat(client.state())
                    .isInstanceOfSatisfying(
                            ConnectionState.Offline.class,
                            o -> assertThat(o.describe()).contains("user name or password is wrong"));
        }
        try (ConsoleClient client = client(pinned)) {
            ConsoleException bogus = failure(client.resume("not-a-token-at-all-0123456789"));
            assertThat(bogus.failure()).isEqualTo(Failure.NOT_SIGNED_IN);
        }
        try (ConsoleClient client = client(pinned)) {
            List<ConnectionState> states = new CopyOnWriteArrayList<>();
            client.onState(states::add);
            LoginOk ok = client.login("dana", ServerFixture.PASSWORD).get(30, TimeUnit.SECONDS);
            assertThat(ok.user()).isEqualTo("dana");
            assertThat(client.state()).isInstanceOf(ConnectionState.Connected.class);
            ConsoleException refused = failure(client.chat("s-no-such-session", "hello"));
            assertThat(refused.failure()).isEqualTo(Failure.REFUSED);
            assertThat(refused.code()).isIn(ErrorCode.NOT_FOUND, ErrorCode.FORBIDDEN);
            assertThat(refused.getMessage()).isNotBlank().doesNotContain("Exception");
            assertThat(states).first().isInstanceOf(ConnectionState.Offline.class);
            assertThat(states).anySatisfy(s -> assertThat(s).isInstanceOf(ConnectionState.Connecting.class));
        }
        try (ConsoleClient unreachable = new ConsoleClient(
                new ServerAddress("127.0.0.1", 1), pinned, home.knownServers(), ConnectionSettings.standard())) {
            ConsoleException down = failure(unreachable.login("dana", ServerFixture.PASSWORD));
            assertThat(down.failure()).isEqualTo(Failure.CONNECTION);
            assertThat(down.getMessage()).contains("cannot connect to 127.0.0.1:1");
        }
    }

    @Test
    void downloadsHealthAndASharedRecordOverThePinnedCertificate() throws Exception {
        Fingerprint pinned = Fingerprint.parse(fixture.server().fingerprint());
        HttpDownloads untrusting = new HttpDownloads(server, WRONG, Duration.ofSeconds(30));
        assertThat(failure(untrusting.health()).failure()).isEqualTo(Failure.CONNECTION);
        untrusting.close();

        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient technician = fixture.console("dana");
                ConsoleClient client = client(pinned)) {
            HttpDownloads http = client.downloads();
            assertThat(http.health().get(30, TimeUnit.SECONDS)).contains("\"status\":\"ok\"");
            String session = technician
                    .ask(new SessionOpen(agent.endpointId(), "HD-1", null), SessionCreated.class)
                    .session();
            client.login("dana", ServerFixture.PASSWORD).get(30, TimeUnit.SECONDS);
            client.chat(session, "All done").get(30, TimeUnit.SECONDS);
            client.close(session, "Nothing was wrong", Outcome.RESOLVED).get(30, TimeUnit.SECONDS);
            try (ConsoleClient manager = client(pinned)) {
                manager.login("mia", ServerFixture.PASSWORD).get(30, TimeUnit.SECONDS);
                ShareCreated share = manager.share(session, Duration.ofDays(1)).get(30, TimeUnit.SECONDS);
                RecordExport export = http.sharedRecord(URI.create(share.url())).get(30, TimeUnit.SECONDS);
                assertThat(export.events()).isNotEmpty();
                assertThat(export.events().getFirst().session()).isEqualTo(session);
                manager.unshare(share.id()).get(30, TimeUnit.SECONDS);
                assertThat(failure(http.sharedRecord(URI.create(share.url()))).getMessage())
                        .contains("404");
            }
            assertThat(failure(http.get(URI.create("https://127.0.0.2:1/x"))).failure())
                    .isEqualTo(Failure.BAD_INPUT);
        } catch (CompletionException e) {
            throw new AssertionError(e.getCause());
        }
    }
}
