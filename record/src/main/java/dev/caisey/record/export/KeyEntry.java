package dev.caisey.record.export;

import dev.caisey.record.chain.Signatures;
import dev.caisey.record.event.Require;
import java.security.PublicKey;

/**
 * A public key an export carries so its checkpoints can be checked.
 *
 * @param keyId lower-case hex SHA-256 of the key's SubjectPublicKeyInfo DER
 * @param algorithm always {@code "Ed25519"}
 * @param publicKey base64 SubjectPublicKeyInfo DER
 */
public record KeyEntry(String keyId, String algorithm, String publicKey) {
    /** The only algorithm of format {@code caisey-record/1}. */
    public static final String ED25519 = "Ed25519";

    /** Validates every member's shape. */
    public KeyEntry {
        Require.sha256Hex(keyId, "keyId");
        Require.present(algorithm, "algorithm");
        if (!ED25519.equals(algorithm)) {
            throw Require.invalid("algorithm must be Ed25519; found '" + Require.abbreviate(algorithm) + "'");
        }
        Require.text(publicKey, "publicKey", 200);
    }

    /** The entry for a public key. */
    public static KeyEntry of(PublicKey key) {
        return new KeyEntry(Signatures.keyId(key), ED25519, Signatures.encode(key));
    }
}
