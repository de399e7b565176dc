package dev.caisey.server.tls;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.SigningKey;
import dev.caisey.server.ServerException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.NoSuchElementException;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * The server's Ed25519 checkpoint signing key, kept in the data folder as {@value #PRIVATE_KEY_FILE}: a PKCS#8 PEM
 * file readable by the owner only (the same form {@code openssl genpkey -algorithm ed25519} writes, so an
 * administrator can inspect or back it up with standard tools). The public key is derived from the private one at
 * every start, so the two can never disagree.
 *
 * <p>Losing this file does not break old records (their exports carry the public key that signed them), but a
 * different key from then on is something an administrator should decide, so a damaged file stops the server.
 */
public final class SigningKeys {
    /** The private key's file in the data folder. */
    public static final String PRIVATE_KEY_FILE = "signing-key.pem";

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    private static final int PEM_LINE_CHARS = 64;
    private static final System.Logger LOG = System.getLogger(SigningKeys.class.getName());

    private SigningKeys() {}

    /**
     * The signing key from {@code dataDir}, made and stored there first if there is none.
     *
     * @throws ServerException with {@link ErrorCode#INTERNAL} naming the file if it cannot be written, or is damaged
     */
    public static SigningKey loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(PRIVATE_KEY_FILE);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            SigningKey key = SigningKey.generate();
            OwnerOnlyFiles.create(file, pem(key.privateKey()).getBytes(StandardCharsets.US_ASCII));
            LOG.log(Level.INFO, "made the checkpoint signing key {0} in {1}", key.keyId(), file);
            return key;
        } catch (IOException e) {
            throw new ServerException(
                    ErrorCode.INTERNAL, "The signing key file " + file + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static SigningKey read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1).strip();
        try {
            if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
                throw new IllegalArgumentException("no PEM private key");
            }
            String body = text.substring(BEGIN.length(), text.length() - END.length());
            byte[] der = Base64.getMimeDecoder().decode(body);
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(der));
            byte[] seed = ((EdECPrivateKey) privateKey).getBytes().orElseThrow();
            byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(
                            new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey())
                    .getEncoded();
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(spki));
            SigningKey key = SigningKey.of(new KeyPair(publicKey, privateKey));
            if (!OwnerOnlyFiles.isOwnerOnly(file)) {
                LOG.log(Level.WARNING, "{0} can be read by other users; run: chmod 600 {0}", file);
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException | NoSuchElementException e) {
            throw new ServerException(
                    ErrorCode.INTERNAL,
                    "The signing key file " + file + " is damaged (it is not"
                            + " an Ed25519 PKCS#8 PEM private key). Restore it from a backup; only if there is none, move it"
                            + " away and start again to make a new key (records signed before keep verifying with the key"
                            + " in their exports).",
                    e);
        }
    }

    private static String pem(PrivateKey key) {
        String base64 = Base64.getMimeEncoder(PEM_LINE_CHARS, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return BEGIN + "\n" + base64 + "\n" + END + "\n";
    }
}
