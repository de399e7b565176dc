package dev.caisey.server.auth;

import static dev.caisey.server.auth.AccountsTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.Signatures;
import dev.caisey.record.event.ApprovalPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointsTest {
    @TempDir
    Path dir;

    private AuthFixture f;

    @BeforeEach
    void open() {
        f = new AuthFixture(dir);
        f.harbor();
        f.organisations.create(
                new Organisation("bakery", "Alder Bakery", ZoneId.of("Europe/Berlin"), 60, ApprovalPolicy.ALL, false),
                f.now());
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void recordsWhenAnAgentWasSeenAndWhatItReported() throws Exception {
        Endpoint endpoint = enroll("harbor", "PRN-ACCT-01");
        f.clock.advance(Duration.ofMinutes(5));

        f.endpoints.recordSeen(endpoint.agentId(), "PRN-ACCT-01.harbor.local", "Windows 11 Pro 24H2", "0.2.0", f.now());

        Endpoint seen = f.endpoints.find(endpoint.id()).orElseThrow();
        assertThat(seen.lastSeenAt()).isEqualTo(f.now());
        assertThat(seen.hostname()).isEqualTo("PRN-ACCT-01.harbor.local");
        assertThat(seen.os()).isEqualTo("Windows 11 Pro 24H2");
        assertThat(seen.agentVersion()).isEqualTo("0.2.0");
        assertThat(seen.enrolledAt()).isEqualTo(endpoint.enrolledAt());
    }

    @Test
    void listsTheEndpointsOfOneOrganisation() throws Exception {
        enroll("harbor", "PRN-ACCT-02");
        enroll("bakery", "OVEN-PC");
        enroll("harbor", "PRN-ACCT-01");

        assertThat(f.endpoints.listByOrganisation("harbor"))
                .extracting(Endpoint::hostname)
                .containsExactly("PRN-ACCT-01", "PRN-ACCT-02");
        assertThat(f.endpoints.listByOrganisation("nowhere")).isEmpty();
        assertThat(f.endpoints.list()).hasSize(3);
    }

    @Test
    void revokesAnEndpointOnce() throws Exception {
        Endpoint endpoint = enroll("harbor", "PRN-ACCT-01");
        f.endpoints.revoke(endpoint.id(), f.now());
        f.clock.advance(Duration.ofHours(1));
        f.endpoints.revoke(endpoint.id(), f.now());

        Endpoint revoked = f.endpoints.find(endpoint.id()).orElseThrow();
        assertThat(revoked.isRevoked()).isTrue();
        assertThat(revoked.revokedAt()).isEqualTo(f.now().minus(Duration.ofHours(1)));
    }

    @Test
    void refusesUnknownAgentsAndEndpoints() {
        assertCode(
                () -> f.endpoints.recordSeen("ghost", "h", "os", "1", f.now()),
                ErrorCode.NOT_FOUND,
                "There is no agent 'ghost'.");
        assertCode(() -> f.endpoints.revoke("ghost", f.now()), ErrorCode.NOT_FOUND, "There is no endpoint 'ghost'.");
        assertThat(f.endpoints.findByAgent("ghost")).isEmpty();
        assertThat(f.endpoints.findByAgent(null)).isEmpty();
    }

    @Test
    void refusesOverlongReports() throws Exception {
        Endpoint endpoint = enroll("harbor", "PRN-ACCT-01");

        assertCode(
                () -> f.endpoints.recordSeen(endpoint.agentId(), "h".repeat(1_001), "os", "1", f.now()),
                ErrorCode.INVALID,
                "hostname is 1001 characters long");
    }

    private Endpoint enroll(String organisation, String hostname) throws Exception {
        String token = f.enrollment
                .createEnrollmentToken(organisation, Duration.ofHours(1), f.now())
                .token();
        String key = Signatures.encode(EnrollmentTest.ed25519().getPublic());
        return f.enrollment.enroll(token, key, hostname, "Windows 11 Pro 23H2", "0.1.0", f.now());
    }
}
