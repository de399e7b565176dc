package dev.caisey.agent.identity;

import dev.caisey.agent.AgentException;
import dev.caisey.agent.AgentException.Failure;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Properties;

/**
 * Keeps the agent's {@link Identity} in its data folder: {@value #IDENTITY_FILE} (ids, server, fingerprint) and
 * {@value #KEY_FILE} (the PKCS#8 private key, PEM), both readable by the owner only, in a folder only the owner may
 * enter. Files are written whole and moved into place, so a crash leaves the old identity or the new one.
 */
public final class IdentityStore {
    /** The identity's public part. */
    public static final String IDENTITY_FILE = "identity.properties";

    /** The private key. */
    public static final String KEY_FILE = "agent.key";

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";
    private static final int PEM_LINE_CHARS = 64;

    private final Path dir;

    /** The store in data folder {@code dir}. */
    public IdentityStore(Path dir) {
        this.dir = dir;
    }

    /** Whether an identity is stored. */
    public boolean exists() {
        return Files.exists(dir.resolve(IDENTITY_FILE)) || Files.exists(dir.resolve(KEY_FILE));
    }

    /** Stores the identity, creating the owner-only data folder if needed. */
    public void store(Identity identity) {
        Properties properties = new Properties();
        properties.setProperty("agentId", identity.agentId());
        properties.setProperty("endpointId", identity.endpointId());
        properties.setProperty("server", identity.server().toString());
        properties.setProperty("fingerprint", identity.fingerprint().hex());
        StringWriter text = new StringWriter();
        String key = Base64.getMimeEncoder(PEM_LINE_CHARS, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(identity.privateKey().getEncoded());
        try {
            properties.store(text, "Caisey agent identity");
            OwnerOnly.createDirectories(dir);
            OwnerOnly.write(
                    dir.resolve(KEY_FILE),
                    (PEM_BEGIN + "\n" + key + "\n" + PEM_END + "\n").getBytes(StandardCharsets.US_ASCII));
            OwnerOnly.write(dir.resolve(IDENTITY_FILE), text.toString().getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new AgentException(
                    Failure.IDENTITY_STORE, "The identity could not be stored in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The stored identity.
     *
     * @throws AgentException with {@link Failure#IDENTITY_STORE} if there is none or it cannot be read
     */
    public Identity load() {
        if (!exists()) {
            throw new AgentException(
                    Failure.IDENTITY_STORE, dir + " holds no agent identity; run caisey-agent enroll first.");
        }
        try {
            Properties properties = new Properties();
            properties.load(
                    new StringReader(Files.readString(dir.resolve(IDENTITY_FILE), StandardCharsets.ISO_8859_1)));
            String pem = Files.readString(dir.resolve(KEY_FILE), StandardCharsets.US_ASCII)
                    .replace(PEM_BEGIN, "")
                    .replace(PEM_END, "");
            byte[] der = Base64.getMimeDecoder().decode(pem);
            var key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new Identity(
                    required(properties, "agentId"),
                    required(properties, "endpointId"),
                    URI.create(required(properties, "server")),
                    Fingerprint.parse(required(properties, "fingerprint")),
                    key);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new AgentException(
                    Failure.IDENTITY_STORE,
                    "The identity in " + dir + " cannot be read; enroll the agent again into an empty folder.",
                    e);
        }
    }

    private static String required(Properties properties, String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(IDENTITY_FILE + " has no " + name);
        }
        return value;
    }
}
