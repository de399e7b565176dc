package dev.caisey.server.tls;

import dev.caisey.record.ErrorCode;
import dev.caisey.server.ServerException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;

/**
 * Reads and writes PKCS#12 keystores, turning the JDK's terse failures into sentences that say which file is wrong
 * and what to do: a wrong password, a file that is not PKCS#12, or one without a private key.
 */
final class Pkcs12Files {
    /** A keystore read and the certificate of the (first) key entry it serves. */
    record Loaded(KeyStore keyStore, X509Certificate certificate) {}

    private Pkcs12Files() {}

    /**
     * Reads a PKCS#12 file whose key is protected by the file's password.
     *
     * @param code the code of a failure: {@code INVALID} for a file the user gave, {@code INTERNAL} for the server's
     * @throws ServerException with {@code code} saying what is wrong with the file
     */
    static Loaded read(Path file, char[] password, ErrorCode code) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (NoSuchFileException e) {
            throw new ServerException(code, "There is no PKCS#12 file " + file + ".", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new ServerException(code, "The password for the PKCS#12 file " + file + " is wrong.", e);
            }
            throw new ServerException(code, "The file " + file + " is not a PKCS#12 keystore, or it is damaged.", e);
        } catch (GeneralSecurityException e) {
            throw new ServerException(
                    code,
                    "The PKCS#12 file " + file + " uses an algorithm this Java runtime cannot"
                            + " read; export it again with AES-256 and SHA-256.",
                    e);
        }
        return keyEntry(file, store, password, code);
    }

    /** The keystore's bytes, its key protected by {@code password}. */
    static byte[] write(KeyStore store, char[] password) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new ServerException(ErrorCode.INTERNAL, "The server could not write its TLS keystore.", e);
        }
    }

    private static Loaded keyEntry(Path file, KeyStore store, char[] password, ErrorCode code) {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                store.getKey(alias, password);
                Certificate certificate = store.getCertificate(alias);
                if (certificate instanceof X509Certificate x509) {
                    return new Loaded(store, x509);
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw new ServerException(
                    code,
                    "The private key in " + file + " has another password than the file;"
                            + " export it again with one password for both.",
                    e);
        } catch (GeneralSecurityException e) {
            throw new ServerException(code, "The private key in " + file + " cannot be read.", e);
        }
        throw new ServerException(
                code,
                "The PKCS#12 file " + file + " holds no private key with an X.509"
                        + " certificate; export the key together with its certificate.");
    }
}
