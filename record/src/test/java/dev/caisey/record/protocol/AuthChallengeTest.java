package dev.caisey.record.protocol;

import static dev.caisey.record.protocol.ProtocolCodecTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {

    @Test
    void carriesTheNonceBytes() {
        byte[] nonce = Samples.bytes(Limits.NONCE_BYTES);

        assertThat(AuthChallenge.of(nonce).nonceBytes()).isEqualTo(nonce);
    }

    @Test
    void rejectsANonceOfTheWrongLength() {
        assertRefused(
                () -> AuthChallenge.of(Samples.bytes(16)),
                ErrorCode.INVALID,
                "nonce must encode exactly 32 bytes; found 16");
    }

    @Test
    void rejectsANonceThatIsNotBase64() {
        assertRefused(() -> new AuthChallenge("not base64!"), ErrorCode.INVALID, "nonce must be canonical base64");
    }

    @Test
    void rejectsANonceInANonCanonicalBase64Form() {
        String canonical = AuthChallenge.of(new byte[Limits.NONCE_BYTES]).nonce();
        // 32 bytes end in "=": the last data character carries 2 unused bits that lenient decoders ignore.
        String variant = canonical.substring(0, canonical.length() - 2) + "B=";

        assertRefused(() -> new AuthChallenge(variant), ErrorCode.INVALID, "nonce must be canonical base64");
    }
}
