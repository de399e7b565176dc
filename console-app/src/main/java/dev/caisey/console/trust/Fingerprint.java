package dev.caisey.console.trust;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A server certificate's SHA-256 fingerprint, the one thing the console trusts about its server. It is shown in the
 * form {@code caisey-server start} prints ({@code AB:CD:…}, upper-case pairs with colons) so a person can compare the
 * two by eye; plain hex in any case is accepted as input.
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
     * @throws ConsoleException with {@link Failure#BAD_INPUT} saying what was expected
     */
    public static Fingerprint parse(String text) {
        String hex = text.strip().replace(":", "").toLowerCase(Locale.ROOT);
        if (hex.length() != SHA256_BYTES * 2 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new ConsoleException(
                    Failure.BAD_INPUT,
                    "A fingerprint is the server certificate's SHA-256: 64 hex digits, with or without colons"
                            + " (as caisey-server start prints it).");
        }
        return new Fingerprint(HexFormat.of().parseHex(hex));
    }

    /** The fingerprint of a certificate's DER encoding. */
    public static Fingerprint of(X509Certificate certificate) {
        try {
            return new Fingerprint(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        } catch (CertificateEncodingException e) {
            throw new ConsoleException(Failure.UNTRUSTED, "The server's certificate cannot be read.", e);
        }
    }

    /** Whether this is the same digest, compared in constant time. */
    public boolean matches(Fingerprint other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    /** {@code AB:CD:…}, as people compare it and as the known-servers file stores it. */
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
        return Arrays.hashCode(bytes);
    }
}
