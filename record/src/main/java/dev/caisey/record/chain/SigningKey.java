package dev.caisey.record.chain;

import dev.caisey.record.event.RecordedEvent;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/**
 * An Ed25519 key pair that signs checkpoints. Holds the private key in memory only; storing it is the owner's job.
 */
public final class SigningKey {
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private SigningKey(KeyPair pair) {
        this.privateKey = Objects.requireNonNull(pair.getPrivate(), "private key");
        this.publicKey = Objects.requireNonNull(pair.getPublic(), "public key");
        if (!"EdDSA".equals(publicKey.getAlgorithm()) && !"Ed25519".equals(publicKey.getAlgorithm())) {
            throw new IllegalArgumentException("a signing key must be Ed25519; found " + publicKey.getAlgorithm());
        }
        this.keyId = Signatures.keyId(publicKey);
    }

    /** Wraps an existing Ed25519 key pair. */
    public static SigningKey of(KeyPair pair) {
        return new SigningKey(pair);
    }

    /** Makes a new key pair from the given source of randomness. */
    public static SigningKey generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, random);
            return new SigningKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot make Ed25519 keys", e);
        }
    }

    /** Makes a new key pair from the platform's strong randomness. */
    public static SigningKey generate() {
        return generate(new SecureRandom());
    }

    /** The public half. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** The private half, for storing it. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** Lower-case hex SHA-256 of the public key's SubjectPublicKeyInfo DER. */
    public String keyId() {
        return keyId;
    }

    /** Signs a checkpoint on {@code event}, made at {@code at} (UTC microseconds). */
    public Checkpoint checkpoint(RecordedEvent event, long at) {
        return checkpoint(event.session(), event.seq(), event.hash(), at);
    }

    /** Signs a checkpoint on the event {@code seq} of {@code session} whose hash is {@code hash}. */
    public Checkpoint checkpoint(String session, long seq, String hash, long at) {
        byte[] message = Checkpoint.signedBytes(session, seq, hash, at, keyId);
        return new Checkpoint(session, seq, hash, at, keyId, Base64.getEncoder().encodeToString(sign(message)));
    }

    private byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }
}
