package dev.caisey.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.record.ErrorCode;
import dev.caisey.server.ServerException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsMaterialTest {
    private static final Instant NOW = Instant.parse("2026-11-25T15:15:32Z");

    @TempDir
    Path dir;

    @Test
    void makesACertificateAtFirstStartAndReusesItLater() {
        TlsMaterial first = TlsMaterial.loadOrCreate(dir, null, NOW);
        TlsMaterial second = TlsMaterial.loadOrCreate(dir, null, NOW.plus(Duration.ofDays(3)));

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.fingerprintHex()).isEqualTo(first.fingerprintHex());
        assertThat(second.certificate()).isEqualTo(first.certificate());
    }

    @Test
    void keepsTheKeystoreAndItsPasswordReadableByTheOwnerOnly() throws Exception {
        TlsMaterial.loadOrCreate(dir, null, NOW);

        for (String name : new String[] {TlsMaterial.KEYSTORE_FILE, TlsMaterial.PASSWORD_FILE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
                    .as(name)
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(dir.resolve(TlsMaterial.PASSWORD_FILE)).strip())
                .matches("[A-Za-z0-9_-]{43}");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(TlsMaterial.KEYSTORE_FILE, TlsMaterial.PASSWORD_FILE);
        }
    }

    @Test
    void certifiesLocalhostAndTheExtraHostWithAnEcP256Key() throws Exception {
        TlsMaterial material = TlsMaterial.loadOrCreate(dir, "caisey.example.com", NOW);

        var certificate = material.certificate();
        assertThat(CertificateChecks.names(certificate))
                .containsExactlyInAnyOrder("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1", "caisey.example.com");
        assertThat(certificate.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) certificate.getPublicKey())
                        .getParams()
                        .getCurve()
                        .getField()
                        .getFieldSize())
                .isEqualTo(256);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(Duration.between(
                        certificate.getNotBefore().toInstant(),
                        certificate.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(825).plusHours(1));
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        certificate.verify(certificate.getPublicKey());
    }

    @Test
    void certifiesAnExtraIpAddress() {
        TlsMaterial material = TlsMaterial.loadOrCreate(dir, "192.168.1.20", NOW);

        assertThat(CertificateChecks.names(material.certificate())).contains("192.168.1.20");
    }

    @Test
    void givesTheFingerprintInBothForms() {
        TlsMaterial material = TlsMaterial.loadOrCreate(dir, null, NOW);

        assertThat(material.fingerprintHex()).matches("[0-9a-f]{64}");
        assertThat(material.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(material.fingerprint().replace(":", "").toLowerCase()).isEqualTo(material.fingerprintHex());
    }

    @Test
    void servesARealTlsHandshakeToAClientThatTrustsTheCertificate() throws Exception {
        TlsMaterial material = TlsMaterial.loadOrCreate(dir, null, NOW);

        String reply = exchange(material, TlsMaterial.clientContextTrusting(material.certificate()));

        assertThat(reply).isEqualTo("hello over TLSv1.3");
    }

    @Test
    void aClientTrustingAnotherCertificateRefusesTheHandshake(@TempDir Path other) {
        TlsMaterial material = TlsMaterial.loadOrCreate(dir, null, NOW);
        TlsMaterial stranger = TlsMaterial.loadOrCreate(other, null, NOW);

        assertThatThrownBy(() -> exchange(material, TlsMaterial.clientContextTrusting(stranger.certificate())))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void loadsAPkcs12FileTheAdministratorGives(@TempDir Path other) throws Exception {
        Path given = writeAdministratorsKeystore(other, "their password");

        TlsMaterial material = TlsMaterial.load(given, "their password".toCharArray());

        assertThat(material.created()).isFalse();
        assertThat(exchange(material, TlsMaterial.clientContextTrusting(material.certificate())))
                .isEqualTo("hello over TLSv1.3");
    }

    @Test
    void saysSoWhenThePasswordIsWrong(@TempDir Path other) throws Exception {
        Path given = writeAdministratorsKeystore(other, "their password");

        assertInvalid(
                () -> TlsMaterial.load(given, "not their password".toCharArray()),
                "The password for the PKCS#12 file " + given + " is wrong.");
    }

    @Test
    void saysSoWhenTheFileIsNotPkcs12() throws Exception {
        Path notAKeystore = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n");

        assertInvalid(
                () -> TlsMaterial.load(notAKeystore, "x".toCharArray()),
                "The file " + notAKeystore + " is not a PKCS#12 keystore, or it is damaged.");
        assertInvalid(
                () -> TlsMaterial.load(dir.resolve("missing.p12"), "x".toCharArray()),
                "There is no PKCS#12 file " + dir.resolve("missing.p12") + ".");
    }

    @Test
    void saysSoWhenTheFileHoldsNoPrivateKey(@TempDir Path other) throws Exception {
        TlsMaterial material = TlsMaterial.loadOrCreate(other, null, NOW);
        KeyStore certificateOnly = KeyStore.getInstance("PKCS12");
        certificateOnly.load(null, null);
        certificateOnly.setCertificateEntry("server", material.certificate());
        Path file = dir.resolve("certificate-only.p12");
        Files.write(file, Pkcs12Files.write(certificateOnly, "pw".toCharArray()));

        assertInvalid(() -> TlsMaterial.load(file, "pw".toCharArray()), "The PKCS#12 file " + file + " holds no");
    }

    @Test
    void refusesToStartWhenThePasswordFileIsGone() throws Exception {
        TlsMaterial.loadOrCreate(dir, null, NOW);
        Files.delete(dir.resolve(TlsMaterial.PASSWORD_FILE));

        assertThatThrownBy(() -> TlsMaterial.loadOrCreate(dir, null, NOW))
                .isInstanceOf(ServerException.class)
                .hasMessageContaining("is missing; restore it, or delete");
    }

    @Test
    void refusesAnExtraHostThatIsNotAHostName() {
        assertThatThrownBy(() -> TlsMaterial.loadOrCreate(dir, "not a host!", NOW))
                .isInstanceOf(ServerException.class)
                .hasMessageStartingWith("The host name for the TLS certificate must be a DNS name");
    }

    private static Path writeAdministratorsKeystore(Path folder, String password) throws Exception {
        SelfSignedCertificate.Made made = SelfSignedCertificate.create("admin.example.com", NOW);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("their-alias", made.keyPair().getPrivate(), password.toCharArray(), new Certificate[] {
            made.certificate()
        });
        Path file = folder.resolve("given.p12");
        Files.write(file, Pkcs12Files.write(store, password.toCharArray()));
        return file;
    }

    /** One line each way between a server socket of {@code server} and a client of {@code client}. */
    private static String exchange(TlsMaterial server, SSLContext client) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) server.sslContext()
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setEnabledProtocols(TlsMaterial.PROTOCOLS.toArray(String[]::new));
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    DataInputStream in = new DataInputStream(socket.getInputStream());
                    String line = in.readUTF();
                    new DataOutputStream(socket.getOutputStream())
                            .writeUTF(line + " over " + socket.getSession().getProtocol());
                } catch (IOException e) {
                    // the client saw the failure; the test asserts on that side
                }
            });
            try (SSLSocket socket =
                    (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", listener.getLocalPort())) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.setSoTimeout(10_000);
                new DataOutputStream(socket.getOutputStream()).writeUTF("hello");
                String reply = new DataInputStream(socket.getInputStream()).readUTF();
                served.get(10, TimeUnit.SECONDS);
                return reply;
            }
        }
    }

    private static void assertInvalid(ThrowingCallable call, String messageStart) {
        assertThatThrownBy(call)
                .isInstanceOf(ServerException.class)
                .hasMessageStartingWith(messageStart)
                .extracting(e -> ((ServerException) e).code())
                .isEqualTo(ErrorCode.INVALID);
    }
}
