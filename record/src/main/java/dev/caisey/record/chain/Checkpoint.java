package dev.caisey.record.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.record.event.Require;
import dev.caisey.record.json.CanonicalJson;
import dev.caisey.record.json.Json;

/**
 * The server's signed statement that a session's chain reached event {@code seq} with hash {@code hash} at time
 * {@code at}. Since every hash covers the one before it, a checkpoint vouches for all events up to {@code seq}.
 *
 * <p>A checkpoint lives beside the chain, not in it: it signs the chain's head and so cannot be part of what it signs.
 *
 * @param session the session id
 * @param seq the number of the last event covered
 * @param hash that event's hash
 * @param at when the server signed, UTC microseconds
 * @param keyId lower-case hex SHA-256 of the signing key's X.509 SubjectPublicKeyInfo DER
 * @param signature base64 (standard alphabet, padded) Ed25519 signature over {@link #signedBytes()}
 */
public record Checkpoint(String session, long seq, String hash, long at, String keyId, String signature) {
    /** Validates every member's shape (not the signature itself: see {@link Signatures#verify}). */
    public Checkpoint {
        Require.id(session, "session");
        Require.positive(seq, "seq");
        Require.sha256Hex(hash, "hash");
        Require.nonNegative(at, "at");
        Require.sha256Hex(keyId, "keyId");
        Require.text(signature, "signature", 200);
    }

    /** The bytes the signature covers: the canonical JSON of this checkpoint without its {@code signature}. */
    public byte[] signedBytes() {
        return signedBytes(session, seq, hash, at, keyId);
    }

    static byte[] signedBytes(String session, long seq, String hash, long at, String keyId) {
        ObjectNode node = Json.object();
        node.put("session", session);
        node.put("seq", seq);
        node.put("hash", hash);
        node.put("at", at);
        node.put("keyId", keyId);
        return CanonicalJson.bytes(node);
    }
}
