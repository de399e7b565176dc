package dev.caisey.server.tls;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.Sha256;
import dev.caisey.server.ServerException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The server's TLS identity: a key and certificate in a PKCS#12 keystore, and the {@link SSLContext} serving them.
 *
 * <p>By default the server makes its own self-signed certificate at first start ({@link #loadOrCreate}) and keeps it
 * in {@value #KEYSTORE_FILE} in the data folder, its random password in {@value #PASSWORD_FILE} beside it, both
 * readable by the owner only; later starts reuse them, so the fingerprint people compare stays the same. An
 * administrator may give a PKCS#12 file of their own instead ({@link #load}). Immutable.
 */
public final class TlsMaterial {
    /** The keystore the server makes in its data folder. */
    public static final String KEYSTORE_FILE = "tls.p12";

    /** The file holding that keystore's password. */
    public static final String PASSWORD_FILE = "tls.p12.password";

    /** The TLS versions the server should enable, newest first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Random bytes in the keystore password: 256 bits. */
    static final int PASSWORD_BYTES = 32;

    private static final String ALIAS = "caisey-server";
    private static final System.Logger LOG = System.getLogger(TlsMaterial.class.getName());

    private final X509Certificate certificate;
    private final List<X509Certificate> chain;
    private final PrivateKey privateKey;
    private final SSLContext sslContext;
    private final boolean created;

    private TlsMaterial(Pkcs12Files.Loaded loaded, char[] password, boolean created, ErrorCode code) {
        this.certificate = loaded.certificate();
        this.created = created;
        try {
            String alias = aliasOf(loaded.keyStore());
            this.privateKey = (PrivateKey) loaded.keyStore().getKey(alias, password);
            Certificate[] certificates = loaded.keyStore().getCertificateChain(alias);
            this.chain = certificates == null
                    ? List.of(certificate)
                    : java.util.Arrays.stream(certificates)
                            .map(X509Certificate.class::cast)
                            .toList();
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(loaded.keyStore(), password);
            sslContext = SSLContext.getInstance("TLS");
            sslContext.init(keys.getKeyManagers(), null, new SecureRandom());
        } catch (GeneralSecurityException e) {
            throw new ServerException(code, "The TLS key cannot be used: " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * The server's own certificate from {@code dataDir}, made there first if there is none.
     *
     * @param extraHost one more DNS name or IP address a new certificate names besides localhost, or {@code null}
     * @throws ServerException with {@link ErrorCode#INTERNAL} if the files cannot be written or read back
     */
    public static TlsMaterial loadOrCreate(Path dataDir, String extraHost, Instant now) {
        Path keystore = dataDir.resolve(KEYSTORE_FILE);
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        try {
            boolean created = !Files.exists(keystore);
            if (created) {
                create(keystore, passwordFile, extraHost, now);
            } else if (!Files.exists(passwordFile)) {
                throw new ServerException(
                        ErrorCode.INTERNAL,
                        "The password file " + passwordFile + " is missing;" + " restore it, or delete " + keystore
                                + " to make a new certificate.");
            }
            char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII)
                    .strip()
                    .toCharArray();
            TlsMaterial material = new TlsMaterial(
                    Pkcs12Files.read(keystore, password.clone(), ErrorCode.INTERNAL),
                    password,
                    created,
                    ErrorCode.INTERNAL);
            CertificateChecks.warnIfUnfit(material.certificate, keystore, extraHost, now);
            LOG.log(
                    Level.INFO,
                    "{0} TLS certificate {1}, SHA-256 fingerprint {2}",
                    created ? "made the" : "using the",
                    keystore,
                    material.fingerprint());
            return material;
        } catch (IOException e) {
            throw new ServerException(
                    ErrorCode.INTERNAL, "The TLS files in " + dataDir + " cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * A PKCS#12 file the administrator gives (key and certificate protected by one password).
     *
     * @throws ServerException with {@link ErrorCode#INVALID} for a missing file, a wrong password, a file that is not
     *     PKCS#12 or one without a private key
     */
    public static TlsMaterial load(Path pkcs12, char[] password) {
        return new TlsMaterial(
                Pkcs12Files.read(pkcs12, password, ErrorCode.INVALID), password.clone(), false, ErrorCode.INVALID);
    }

    /** An {@link SSLContext} for a client that trusts exactly {@code certificate} (tests, local tools). */
    public static SSLContext clientContextTrusting(X509Certificate certificate) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new ServerException(ErrorCode.INTERNAL, "A TLS client context could not be made.", e);
        }
    }

    /**
     * The private key of the certificate: besides TLS it signs the PDF reports the server hands out, so a report and
     * the server a person connected to are vouched for by the same certificate.
     */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The certificate chain, the server's own certificate first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    private static String aliasOf(KeyStore store) throws GeneralSecurityException {
        for (String alias : java.util.Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return alias;
            }
        }
        throw new GeneralSecurityException("the keystore holds no key");
    }

    /** The server's certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The lower-case hex SHA-256 of the certificate's DER. */
    public String fingerprintHex() {
        try {
            return Sha256.hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new ServerException(ErrorCode.INTERNAL, "The TLS certificate cannot be encoded.", e);
        }
    }

    /** The fingerprint as people compare it: upper-case hex pairs separated by colons ({@code AB:CD:…}). */
    public String fingerprint() {
        return HexFormat.ofDelimiter(":")
                .withUpperCase()
                .formatHex(HexFormat.of().parseHex(fingerprintHex()));
    }

    /** The context the server's TLS listener uses; enable {@link #PROTOCOLS} on its engines. */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** Whether this start made the certificate (so the fingerprint should be shown prominently). */
    public boolean created() {
        return created;
    }

    private static void create(Path keystore, Path passwordFile, String extraHost, Instant now) throws IOException {
        SelfSignedCertificate.Made made = SelfSignedCertificate.create(extraHost, now);
        byte[] random = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(
                    ALIAS, made.keyPair().getPrivate(), password.toCharArray(), new Certificate[] {made.certificate()});
        } catch (GeneralSecurityException e) {
            throw new ServerException(ErrorCode.INTERNAL, "The server could not make its TLS keystore.", e);
        }
        // A password file left by a start that died before writing the keystore belongs to nothing.
        Files.deleteIfExists(passwordFile);
        OwnerOnlyFiles.create(passwordFile, (password + "\n").getBytes(StandardCharsets.US_ASCII));
        OwnerOnlyFiles.create(keystore, Pkcs12Files.write(store, password.toCharArray()));
    }
}
