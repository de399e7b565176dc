package dev.caisey.server.auth;

import dev.caisey.record.Limits;
import dev.caisey.record.chain.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * Bearer secrets (session and enrollment tokens) and the only form in which they are stored: the SHA-256 of their
 * text. A token carries {@value #TOKEN_BYTES} random bytes, so a plain hash (no salt, no stretching) is enough: no
 * dictionary can guess it, and the hash lets the database find the row by an index.
 */
final class Secrets {
    /** Random bytes in a token: 256 bits. */
    static final int TOKEN_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {}

    /** A new token: {@value #TOKEN_BYTES} random bytes, base64url without padding (43 characters). */
    static String newToken() {
        return BASE64_URL.encodeToString(randomBytes(TOKEN_BYTES));
    }

    /** Random bytes from the platform's strong source. */
    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A new random identifier for a row (not a secret). */
    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The lower-case hex SHA-256 of a token's UTF-8 text: what the database keeps. */
    static String hash(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a presented token is worth looking up at all (present and not absurdly long). */
    static boolean plausible(String token) {
        return token != null && !token.isEmpty() && token.length() <= Limits.MAX_TOKEN_CHARS;
    }
}
