package dev.caisey.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.record.ErrorCode;
import dev.caisey.server.ServerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void verifiesTheRightPasswordAndRejectsAWrongOne() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.verify("correct horse battery stapl", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void writesAPhcStringWithTheOwaspCosts() {
        String hash = hasher.hash("secret secret");

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void usesAFreshSaltForEveryHash() {
        String first = hasher.hash("same password");
        String second = hasher.hash("same password");

        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[4]).isNotEqualTo(second.split("\\$")[4]);
        assertThat(hasher.verify("same password", first)).isTrue();
        assertThat(hasher.verify("same password", second)).isTrue();
    }

    @Test
    void hashesNonAsciiPasswordsAsUtf8() {
        String hash = hasher.hash("Grüße, 日本語 🔑");

        assertThat(hasher.verify("Grüße, 日本語 🔑", hash)).isTrue();
        assertThat(hasher.verify("Grusse, 日本語 🔑", hash)).isFalse();
    }

    @Test
    void verifiesHashesMadeWithOtherCostsAndAsksForARehash() {
        String cheap = AuthFixture.CHEAP_HASHER.hash("an older password");

        assertThat(cheap).contains("$m=64,t=1,p=1$");
        assertThat(hasher.verify("an older password", cheap)).isTrue();
        assertThat(hasher.needsRehash(cheap)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("a current password"))).isFalse();
        assertThat(hasher.needsRehash("not a hash")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "plain text",
                "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=16$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=19$m=19456,t=2$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=19$m=19456,t=0,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=19$m=16,t=2,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==",
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$a",
            })
    void refusesADamagedStoredHashWithWordsThatSayWhatToDo(String damaged) {
        assertThatThrownBy(() -> hasher.verify("whatever", damaged))
                .isInstanceOf(ServerException.class)
                .hasMessageStartingWith("A stored password hash cannot be read (")
                .hasMessageEndingWith("reset that account's password.")
                .extracting(e -> ((ServerException) e).code())
                .isEqualTo(ErrorCode.INTERNAL);
    }

    @Test
    void saysWhichParameterIsOutOfRange() {
        assertThatThrownBy(() ->
                        hasher.verify("x", "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA"))
                .hasMessageContaining("m must be between 8 and 1048576; found 99999999");
    }

    @Test
    void refusesCostsItCouldNotReadBack() {
        assertThatThrownBy(() -> new PasswordHasher(4, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found m=4, t=1, p=1");
    }

    @Test
    void takesAMeasurableButBearableTimeWithTheDefaultCosts() {
        hasher.hash("warm up the JIT");
        int rounds = 5;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            hasher.hash("measure me please");
        }
        long millis = (System.nanoTime() - start) / 1_000_000 / rounds;
        System.out.println("Argon2id m=19456 KiB, t=2, p=1: " + millis + " ms per hash");

        assertThat(millis).isBetween(1L, 2_000L);
    }
}
