package dev.caisey.server.clients;

import dev.caisey.record.ErrorCode;
import dev.caisey.server.ServerException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The short codes that let a client join one session from a browser: easy to read out over the phone, valid for
 * {@link #TTL}, scoped to one session, and guarded against guessing by a limit on failed attempts per address.
 *
 * <p>Codes live in memory: after a server restart the technician invites the client again.
 */
public final class JoinCodes {
    /** How long a code can be used. */
    public static final Duration TTL = Duration.ofMinutes(15);

    /** Characters of a code: no 0/O, 1/I/L, so it can be read out loud. */
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /** Length of a code: 31^8, about 8.5 × 10^11 codes. */
    static final int CODE_CHARS = 8;

    /** Failed attempts one address may make per {@link #ATTEMPT_WINDOW}. */
    static final int MAX_FAILED_ATTEMPTS_PER_WINDOW = 10;

    /** The window over which failed attempts are counted. */
    static final Duration ATTEMPT_WINDOW = Duration.ofMinutes(1);

    /** Most codes alive at once; older ones are dropped first when the server is flooded with invitations. */
    static final int MAX_LIVE_CODES = 100_000;

    private static final String WRONG = "This code is not valid or has expired; ask your technician for a new one.";

    /** A code and what it opens. */
    public record Invitation(String code, String session, Instant expiresAt) {}

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Map<String, Invitation> codes = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** Codes timed by {@code clock}. */
    public JoinCodes(Clock clock) {
        this.clock = clock;
    }

    /** A new code for a session. */
    public Invitation invite(String session) {
        Instant now = clock.instant();
        if (codes.size() >= MAX_LIVE_CODES) {
            codes.values().removeIf(i -> !i.expiresAt().isAfter(now));
        }
        StringBuilder code = new StringBuilder(CODE_CHARS);
        for (int i = 0; i < CODE_CHARS; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Invitation invitation = new Invitation(code.toString(), session, now.plus(TTL));
        codes.put(invitation.code(), invitation);
        return invitation;
    }

    /**
     * The session a code opens.
     *
     * @param address where the attempt comes from, for the limit on guesses
     * @throws ServerException with {@link ErrorCode#RATE_LIMITED} after too many wrong codes from the address, or
     *     {@link ErrorCode#NOT_FOUND} for a wrong or expired code
     */
    public String redeem(String code, String address) {
        Instant now = clock.instant();
        Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(ATTEMPT_WINDOW))) {
                recent.pollFirst();
            }
            if (recent.size() >= MAX_FAILED_ATTEMPTS_PER_WINDOW) {
                throw new ServerException(ErrorCode.RATE_LIMITED, "Too many wrong codes; wait a minute and try again.");
            }
            Invitation invitation = code == null ? null : codes.get(normalise(code));
            if (invitation == null || !invitation.expiresAt().isAfter(now)) {
                recent.addLast(now);
                throw new ServerException(ErrorCode.NOT_FOUND, WRONG);
            }
            return invitation.session();
        }
    }

    /** Codes are read out loud: accept lower case, spaces and dashes. */
    static String normalise(String code) {
        return code.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
    }
}
