package dev.caisey.server.auth;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.record.protocol.AgentHello;
import dev.caisey.record.protocol.AuthChallenge;
import dev.caisey.server.ServerException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks that a connecting agent holds the private key it enrolled with: the server sends a fresh random nonce
 * ({@link #challenge()}), the agent signs it as {@link AgentHello} defines, and {@link #verify} checks the signature
 * against the stored public key.
 *
 * <p>Each nonce is remembered from the moment it is issued until it is answered or {@link #CHALLENGE_TTL} has passed,
 * and is forgotten at its first answer, right or wrong: a recorded hello can never be replayed, and only nonces this
 * server issued are accepted. Thread-safe; one instance serves every agent connection.
 */
public final class AgentAuthenticator {
    /** How long an agent has to answer a challenge. */
    public static final Duration CHALLENGE_TTL = Duration.ofSeconds(60);

    /** Most challenges awaiting an answer at once; beyond it new connections are asked to come back later. */
    public static final int MAX_PENDING_CHALLENGES = 10_000;

    /** The one answer to an agent that is unknown, revoked or whose signature does not check out. */
    public static final String REFUSED =
            "This agent could not prove who it is; enroll it again with a new enrollment token.";

    /** The answer to a nonce this server did not issue, already used or answered too late. */
    public static final String CHALLENGE_INVALID = "The sign-in challenge is not valid any more; reconnect.";

    private static final System.Logger LOG = System.getLogger(AgentAuthenticator.class.getName());

    private final Endpoints endpoints;
    private final Clock clock;
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();

    /** Checks agents against {@code endpoints}, with {@code clock} timing the challenges. */
    public AgentAuthenticator(Endpoints endpoints, Clock clock) {
        this.endpoints = endpoints;
        this.clock = clock;
    }

    /**
     * A new challenge with {@link Limits#NONCE_BYTES} random bytes, to be answered within {@link #CHALLENGE_TTL}.
     *
     * @throws ServerException with {@link ErrorCode#RATE_LIMITED} if too many challenges are waiting for answers
     */
    public AuthChallenge challenge() {
        Instant now = clock.instant();
        if (pending.size() >= MAX_PENDING_CHALLENGES) {
            pending.values().removeIf(issued -> expired(issued, now));
            if (pending.size() >= MAX_PENDING_CHALLENGES) {
                throw new ServerException(
                        ErrorCode.RATE_LIMITED, "Too many agents are connecting at once; try again in a minute.");
            }
        }
        byte[] nonce = Secrets.randomBytes(Limits.NONCE_BYTES);
        pending.put(key(nonce), now);
        return AuthChallenge.of(nonce);
    }

    /**
     * The endpoint of an agent that answered the challenge {@code nonce} with {@code hello}. The nonce is used up
     * whatever the outcome.
     *
     * @param agentId the agent the connection claims to be; must be the one {@code hello} names
     * @throws ServerException with {@link ErrorCode#UNAUTHENTICATED}: {@link #CHALLENGE_INVALID} for a nonce that was
     *     not issued, was used already or expired; {@link #REFUSED} for an unknown or revoked agent or a signature
     *     that does not verify with its enrolled key
     */
    public Endpoint verify(String agentId, byte[] nonce, AgentHello hello) {
        Instant issued = nonce == null ? null : pending.remove(key(nonce));
        if (issued == null || expired(issued, clock.instant())) {
            LOG.log(Level.INFO, "refused agent {0}: the challenge was not issued, used already or expired", agentId);
            throw new ServerException(ErrorCode.UNAUTHENTICATED, CHALLENGE_INVALID);
        }
        if (agentId == null || !agentId.equals(hello.agentId())) {
            throw refused(agentId, "its hello names another agent");
        }
        Endpoint endpoint = endpoints.findByAgent(agentId).orElseThrow(() -> refused(agentId, "it is not enrolled"));
        if (endpoint.isRevoked()) {
            throw refused(agentId, "it was revoked at " + endpoint.revokedAt());
        }
        if (!hello.verify(endpoint.key(), nonce)) {
            throw refused(agentId, "its signature does not verify with its enrolled key " + endpoint.keyId());
        }
        return endpoint;
    }

    /** How many challenges await an answer (for tests and the health page). */
    public int pendingChallenges() {
        return pending.size();
    }

    private static boolean expired(Instant issued, Instant now) {
        return !now.isBefore(issued.plus(CHALLENGE_TTL));
    }

    private static String key(byte[] nonce) {
        return HexFormat.of().formatHex(nonce);
    }

    private static ServerException refused(String agentId, String reason) {
        LOG.log(Level.INFO, "refused agent {0}: {1}", agentId, reason);
        return new ServerException(ErrorCode.UNAUTHENTICATED, REFUSED);
    }
}
