package dev.caisey.server.clients;

import dev.caisey.record.chain.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client pass: what a browser gets in exchange for a join code, as an {@code HttpOnly} cookie, so the code leaves
 * the address bar and the page's script never holds a secret. A pass is 256 random bits, opens exactly one session,
 * and lasts {@link #TTL} or until the session closes, whichever comes first. Only its SHA-256 is kept, in memory:
 * after a server restart the technician invites the client again, as with join codes.
 */
public final class ClientPasses {
    /** The cookie that carries the pass. */
    public static final String COOKIE = "caisey-client";

    /** How long a pass lasts at most. */
    public static final Duration TTL = Duration.ofHours(12);

    /** Random bytes in a pass. */
    static final int PASS_BYTES = 32;

    /** Most passes alive at once; expired ones are dropped when the table grows past this. */
    static final int MAX_LIVE_PASSES = 100_000;

    /**
     * What a pass opens.
     *
     * @param session the one session
     * @param clientId the client's id in the record, the same on every reconnect
     * @param name how the client is shown in the record
     * @param expiresAt when the pass stops working
     */
    public record Pass(String session, String clientId, String name, Instant expiresAt) {}

    /** A new pass: the cookie value (shown once, to the browser) and what it opens. */
    public record Issued(String token, Pass pass) {
        @Override
        public String toString() {
            return "Issued[" + pass + "]";
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Map<String, Pass> byHash = new ConcurrentHashMap<>();

    /** Passes timed by {@code clock}. */
    public ClientPasses(Clock clock) {
        this.clock = clock;
    }

    /** Issues a pass to {@code session} for a client called {@code name}. */
    public Issued issue(String session, String name) {
        Instant now = clock.instant();
        if (byHash.size() >= MAX_LIVE_PASSES) {
            byHash.values().removeIf(p -> !p.expiresAt().isAfter(now));
        }
        byte[] bytes = new byte[PASS_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Pass pass = new Pass(session, "c-" + UUID.randomUUID(), name, now.plus(TTL));
        byHash.put(hash(token), pass);
        return new Issued(token, pass);
    }

    /** The pass a cookie value stands for, if it is one and has not expired. */
    public Optional<Pass> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String key = hash(token);
        Pass pass = byHash.get(key);
        if (pass == null) {
            return Optional.empty();
        }
        if (!pass.expiresAt().isAfter(clock.instant())) {
            byHash.remove(key);
            return Optional.empty();
        }
        return Optional.of(pass);
    }

    /** Ends every pass to a session (it closed). */
    public void endSession(String session) {
        byHash.values().removeIf(p -> p.session().equals(session));
    }

    /** The {@code Set-Cookie} value that hands a pass to the browser. */
    public static String cookie(String token) {
        return COOKIE + "=" + token + "; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=" + TTL.toSeconds();
    }

    /** The pass's value in a {@code Cookie} header, or {@code null}. */
    public static String fromCookieHeader(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.startsWith(COOKIE + "=")) {
                return p.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }

    private static String hash(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
