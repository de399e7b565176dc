package dev.caisey.server.auth;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Argon2id hash in the PHC string format: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in
 * standard base64 without padding. The string says how it was made, so stronger parameters can come later and old
 * hashes still verify (and are {@linkplain PasswordHasher#needsRehash re-hashed} at the next sign-in).
 *
 * <p>Parsing bounds every parameter so a damaged or hostile row cannot make the server allocate gigabytes.
 */
record PhcArgon2(int version, int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
    /** The only algorithm this format names. */
    static final String ALGORITHM = "argon2id";

    /** Argon2 version 1.3, written {@code v=19}. */
    static final int VERSION_13 = 0x13;

    /** Most memory a stored hash may ask for: 1 GiB. */
    static final int MAX_MEMORY_KIB = 1024 * 1024;

    /** Most passes a stored hash may ask for. */
    static final int MAX_ITERATIONS = 64;

    /** Most lanes a stored hash may ask for. */
    static final int MAX_PARALLELISM = 64;

    /** Shortest and longest salt and hash accepted, in bytes. */
    static final int MIN_BYTES = 8;

    static final int MAX_BYTES = 64;

    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=(\\d{1,3})\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,10})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    /**
     * Reads a PHC string.
     *
     * @throws IllegalArgumentException saying what was wrong and what was expected (never echoing the salt or hash)
     */
    static PhcArgon2 parse(String encoded) {
        if (encoded == null || !encoded.startsWith("$" + ALGORITHM + "$")) {
            throw new IllegalArgumentException("it does not start with $" + ALGORITHM + "$");
        }
        Matcher m = FORMAT.matcher(encoded);
        if (!m.matches()) {
            throw new IllegalArgumentException("it is not of the form $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>"
                    + "$<base64 salt>$<base64 hash>");
        }
        int version = bounded(m.group(1), "v", VERSION_13, VERSION_13);
        int memory = bounded(m.group(2), "m", 8, MAX_MEMORY_KIB);
        int iterations = bounded(m.group(3), "t", 1, MAX_ITERATIONS);
        int parallelism = bounded(m.group(4), "p", 1, MAX_PARALLELISM);
        if (memory < 8 * parallelism) {
            throw new IllegalArgumentException(
                    "m must be at least 8 KiB per lane; found m=" + memory + ", p=" + parallelism);
        }
        return new PhcArgon2(
                version, memory, iterations, parallelism, bytes(m.group(5), "salt"), bytes(m.group(6), "hash"));
    }

    /** The PHC string. */
    String encode() {
        return "$" + ALGORITHM + "$v=" + version + "$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether this hash was made with exactly these costs. */
    boolean hasCosts(int memoryKib, int iterations, int parallelism) {
        return version == VERSION_13
                && this.memoryKib == memoryKib
                && this.iterations == iterations
                && this.parallelism == parallelism;
    }

    private static int bounded(String digits, String name, long min, long max) {
        long value = Long.parseLong(digits);
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + "; found " + value);
        }
        return (int) value;
    }

    private static byte[] bytes(String base64, String name) {
        byte[] bytes;
        try {
            bytes = B64_DECODER.decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + name + " is not base64 without padding", e);
        }
        if (bytes.length < MIN_BYTES || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "the " + name + " must be " + MIN_BYTES + " to " + MAX_BYTES + " bytes; found " + bytes.length);
        }
        return bytes;
    }
}
