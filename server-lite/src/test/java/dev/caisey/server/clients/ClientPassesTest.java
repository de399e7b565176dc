package dev.caisey.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClientPassesTest {
    private final Instant start = Instant.parse("2026-11-17T15:15:32Z");
    private Clock clock = Clock.fixed(start, ZoneOffset.UTC);
    private final ClientPasses passes = new ClientPasses(new Clock() {
        @Override
        public Instant instant() {
            return clock.instant();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void aPassIs256RandomBitsThatOpensItsOneSessionUntilItExpires() {
        ClientPasses.Issued first = passes.issue("s-1", "Maria Lopez");
        ClientPasses.Issued second = passes.issue("s-1", "Maria Lopez");
        assertThat(first.token()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second.token());
        assertThat(first.pass().clientId()).isNotEqualTo(second.pass().clientId());
        assertThat(passes.find(first.token())).hasValueSatisfying(p -> {
            assertThat(p.session()).isEqualTo("s-1");
            assertThat(p.name()).isEqualTo("Maria Lopez");
        });
        assertThat(first.toString()).doesNotContain(first.token());

        clock = Clock.fixed(start.plus(ClientPasses.TTL).minusSeconds(1), ZoneOffset.UTC);
        assertThat(passes.find(first.token())).isPresent();
        clock = Clock.fixed(start.plus(ClientPasses.TTL), ZoneOffset.UTC);
        assertThat(passes.find(first.token())).isEmpty();
    }

    @Test
    void closingTheSessionEndsItsPassesOnly() {
        ClientPasses.Issued mine = passes.issue("s-1", "Maria Lopez");
        ClientPasses.Issued other = passes.issue("s-2", "Ken Ito");
        passes.endSession("s-1");
        assertThat(passes.find(mine.token())).isEmpty();
        assertThat(passes.find(other.token())).isPresent();
    }

    @Test
    void unknownEmptyAndAbsurdValuesOpenNothing() {
        passes.issue("s-1", "Maria Lopez");
        assertThat(passes.find(null)).isEmpty();
        assertThat(passes.find("")).isEmpty();
        assertThat(passes.find("x".repeat(43))).isEmpty();
        assertThat(passes.find("x".repeat(10_000))).isEmpty();
    }

    @Test
    void theCookieIsHttpOnlySecureStrictAndLastsAsLongAsThePass() {
        assertThat(ClientPasses.cookie("abc"))
                .isEqualTo("caisey-client=abc; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age="
                        + Duration.ofHours(12).toSeconds());
        assertThat(ClientPasses.fromCookieHeader("theme=dark; caisey-client=abc; other=1"))
                .isEqualTo("abc");
        assertThat(ClientPasses.fromCookieHeader("theme=dark")).isNull();
        assertThat(ClientPasses.fromCookieHeader(null)).isNull();
    }
}
