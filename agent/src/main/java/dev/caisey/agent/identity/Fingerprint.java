package dev.caisey.agent.identity;

import dev.caisey.agent.AgentException;
import dev.caisey.agent.AgentException.Failure;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A certificate's SHA-256 fingerprint, the one thing the agent trusts about its server. People compare it in the
 * colon form {@code caisey-server start} prints ({@code AB:CD:…}); plain hex, any case, is accepted too.
 *
 * @param bytes the 32 digest bytes
 */
public record Fingerprint(byte[] bytes) {
    /** Length of a SHA-256 digest. */
    public static final int SHA256_BYTES = 32;

    /** Copies and checks the digest. */
    public Fingerprint {
        if (bytes.length != SHA256_BYTES) {
            throw new IllegalArgumentException("a SHA-256 fingerprint has " + SHA256_BYTES + " bytes");
        }
        bytes = bytes.clone();
    }

    /**
     * Reads {@code AB:CD:…} or plain hex.
     *
     * @throws AgentException with {@link Failure#IDENTITY_STORE} saying what was expected
     */
    public static Fingerprint parse(String text) {
        String hex = text.strip().replace(":", "").toLowerCase(Locale.ROOT);
        if (hex.length() != SHA256_BYTES * 2 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new AgentException(
                    Failure.IDENTITY_STORE,
                    "The fingerprint must be the server certificate's SHA-256: 64 hex digits, with or without colons"
                            + " (as caisey-server start prints it).");
        }
        return new Fingerprint(HexFormat.of().parseHex(hex));
    }

    /** The fingerprint of a certificate's DER encoding. */
    public static Fingerprint of(X509Certificate certificate) throws CertificateEncodingException {
        try {
            return new Fingerprint(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether this is the same digest, compared in constant time. */
    public boolean matches(Fingerprint other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    /** Lower-case hex, as stored. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** {@code AB:CD:…}, as people compare it. */
    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fingerprint that && matches(that);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }
}
