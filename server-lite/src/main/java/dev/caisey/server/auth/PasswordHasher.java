package dev.caisey.server.auth;

import dev.caisey.record.ErrorCode;
import dev.caisey.server.ServerException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and checks account passwords with Argon2id (Bouncy Castle), storing each as a self-describing PHC string
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}).
 *
 * <p>The default costs are OWASP's recommended minimum for Argon2id (19 MiB, 2 passes, 1 lane): about 50 ms on a
 * small server, slow enough to make guessing costly and fast enough for sign-ins. Hashes made with other costs still
 * verify; {@link #needsRehash} tells the caller to replace them after a successful sign-in. Thread-safe.
 */
public final class PasswordHasher {
    /** Memory per hash: 19 MiB, in KiB as Argon2 counts it. */
    public static final int DEFAULT_MEMORY_KIB = 19 * 1024;

    /** Passes over the memory. */
    public static final int DEFAULT_ITERATIONS = 2;

    /** Lanes (threads) per hash. */
    public static final int DEFAULT_PARALLELISM = 1;

    /** Random salt per hash: 128 bits. */
    public static final int SALT_BYTES = 16;

    /** Length of the derived hash: 256 bits. */
    public static final int HASH_BYTES = 32;

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    /** A hasher with the default (OWASP) costs. */
    public PasswordHasher() {
        this(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    /**
     * A hasher with other costs (tests use cheap ones; a bigger server may raise them).
     *
     * @throws IllegalArgumentException if a cost is outside what {@link #verify} would later accept
     */
    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        if (parallelism < 1
                || parallelism > PhcArgon2.MAX_PARALLELISM
                || iterations < 1
                || iterations > PhcArgon2.MAX_ITERATIONS
                || memoryKib < 8 * parallelism
                || memoryKib > PhcArgon2.MAX_MEMORY_KIB) {
            throw new IllegalArgumentException(
                    "Argon2 costs must be 1 to " + PhcArgon2.MAX_PARALLELISM + " lanes, 1 to "
                            + PhcArgon2.MAX_ITERATIONS + " passes and 8 KiB per lane to " + PhcArgon2.MAX_MEMORY_KIB
                            + " KiB; found m=" + memoryKib + ", t=" + iterations + ", p=" + parallelism);
        }
    }

    /** A PHC string for {@code password} with a fresh random salt. */
    public String hash(CharSequence password) {
        byte[] salt = Secrets.randomBytes(SALT_BYTES);
        byte[] hash = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return new PhcArgon2(PhcArgon2.VERSION_13, memoryKib, iterations, parallelism, salt, hash).encode();
    }

    /**
     * Whether {@code password} matches the stored PHC string; compares in constant time.
     *
     * @throws ServerException with {@link ErrorCode#INTERNAL} if the stored string is damaged
     */
    public boolean verify(CharSequence password, String encoded) {
        PhcArgon2 stored = read(encoded);
        byte[] actual = derive(
                password,
                stored.salt(),
                stored.memoryKib(),
                stored.iterations(),
                stored.parallelism(),
                stored.hash().length);
        return MessageDigest.isEqual(actual, stored.hash());
    }

    /** Whether a stored hash was made with other costs than this hasher's, or cannot be read, and should be replaced. */
    public boolean needsRehash(String encoded) {
        try {
            return !PhcArgon2.parse(encoded).hasCosts(memoryKib, iterations, parallelism);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static PhcArgon2 read(String encoded) {
        try {
            return PhcArgon2.parse(encoded);
        } catch (IllegalArgumentException e) {
            throw new ServerException(
                    ErrorCode.INTERNAL,
                    "A stored password hash cannot be read (" + e.getMessage() + "); reset that account's password.",
                    e);
        }
    }

    private static byte[] derive(
            CharSequence password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] passwordBytes = new byte[encoded.remaining()];
        encoded.get(passwordBytes);
        Arrays.fill(encoded.array(), (byte) 0);
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(passwordBytes, out);
            return out;
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
    }
}
