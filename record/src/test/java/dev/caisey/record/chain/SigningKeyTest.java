package dev.caisey.record.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SigningKeyTest {
    private static final SigningKey KEY = SigningKey.generate();
    private static final String HASH = "ab".repeat(32);

    @Test
    void aCheckpointVerifiesWithItsOwnKey() {
        Checkpoint checkpoint = KEY.checkpoint("s-1", 7, HASH, 1_000);

        assertThat(Signatures.verify(checkpoint, KEY.publicKey())).isTrue();
        assertThat(checkpoint.keyId()).isEqualTo(KEY.keyId());
    }

    @Test
    void aCheckpointDoesNotVerifyWithAnotherKey() {
        Checkpoint checkpoint = KEY.checkpoint("s-1", 7, HASH, 1_000);

        assertThat(Signatures.verify(checkpoint, SigningKey.generate().publicKey()))
                .isFalse();
    }

    @Test
    void everySignedMemberIsCovered() {
        Checkpoint c = KEY.checkpoint("s-1", 7, HASH, 1_000);

        assertThat(Signatures.verify(new Checkpoint("s-2", 7, HASH, 1_000, c.keyId(), c.signature()), KEY.publicKey()))
                .isFalse();
        assertThat(Signatures.verify(new Checkpoint("s-1", 8, HASH, 1_000, c.keyId(), c.signature()), KEY.publicKey()))
                .isFalse();
        assertThat(Signatures.verify(
                        new Checkpoint("s-1", 7, "cd".repeat(32), 1_000, c.keyId(), c.signature()), KEY.publicKey()))
                .isFalse();
        assertThat(Signatures.verify(new Checkpoint("s-1", 7, HASH, 1_001, c.keyId(), c.signature()), KEY.publicKey()))
                .isFalse();
        assertThat(Signatures.verify(
                        new Checkpoint("s-1", 7, HASH, 1_000, "00".repeat(32), c.signature()), KEY.publicKey()))
                .isFalse();
    }

    @Test
    void signedBytesAreTheCanonicalJsonWithoutTheSignature() {
        Checkpoint c = KEY.checkpoint("s-1", 7, HASH, 1_000);

        assertThat(new String(c.signedBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"at\":1000,\"hash\":\"" + HASH + "\",\"keyId\":\"" + KEY.keyId()
                        + "\",\"seq\":7,\"session\":\"s-1\"}");
    }

    @Test
    void keyIdIsTheSha256OfTheSubjectPublicKeyInfo() throws Exception {
        byte[] spki = KEY.publicKey().getEncoded();

        assertThat(spki).hasSize(44);
        assertThat(KEY.keyId())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(spki)));
        assertThat(Signatures.keyId(Signatures.publicKey(Signatures.encode(KEY.publicKey()))))
                .isEqualTo(KEY.keyId());
    }

    @Test
    void aSignatureWrittenInANonCanonicalBase64FormIsRefused() {
        Checkpoint c = KEY.checkpoint("s-1", 7, HASH, 1_000);
        // 64 bytes end in "==": the last data character carries 4 unused bits that lenient decoders ignore.
        String sig = c.signature();
        char last = sig.charAt(sig.length() - 3);
        char twin = Base64.getEncoder().encodeToString(new byte[] {0}).charAt(0) == last ? 'B' : (char) (last ^ 1);
        String variant = sig.substring(0, sig.length() - 3) + twin + "==";
        byte[] decoded = Base64.getDecoder().decode(variant);

        assertThat(Signatures.strictBase64(variant)).isNull();
        assertThat(Signatures.verify(new Checkpoint("s-1", 7, HASH, 1_000, c.keyId(), variant), KEY.publicKey()))
                .isFalse();
        assertThat(decoded).hasSize(64);
    }
}
