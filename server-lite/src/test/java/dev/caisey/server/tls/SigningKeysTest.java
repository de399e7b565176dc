package dev.caisey.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.chain.Sha256;
import dev.caisey.record.chain.Signatures;
import dev.caisey.record.chain.SigningKey;
import dev.caisey.server.ServerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {
    @TempDir
    Path dir;

    @Test
    void makesAKeyAtFirstStartAndReusesItLater() {
        SigningKey first = SigningKeys.loadOrCreate(dir);
        SigningKey second = SigningKeys.loadOrCreate(dir);

        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.publicKey().getEncoded()).isEqualTo(first.publicKey().getEncoded());
        assertThat(second.keyId()).isEqualTo(Signatures.keyId(second.publicKey()));
    }

    @Test
    void aReloadedKeySignsCheckpointsTheOldPublicKeyVerifies() {
        SigningKey made = SigningKeys.loadOrCreate(dir);
        SigningKey reloaded = SigningKeys.loadOrCreate(dir);

        Checkpoint checkpoint = reloaded.checkpoint("s-1", 7, "0".repeat(64), 1_764_083_732_000_000L);

        assertThat(Signatures.verify(checkpoint, made.publicKey())).isTrue();
    }

    @Test
    void storesThePrivateKeyAsAnOwnerOnlyPkcs8PemFile() throws Exception {
        SigningKeys.loadOrCreate(dir);

        Path file = dir.resolve(SigningKeys.PRIVATE_KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file))
                .startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("\n-----END PRIVATE KEY-----\n");
    }

    @Test
    void readsAKeyMadeByOpenssl() throws Exception {
        Path file = dir.resolve(SigningKeys.PRIVATE_KEY_FILE);
        assumeThat(run("openssl", "genpkey", "-algorithm", "ed25519", "-out", file.toString()))
                .as("openssl is installed")
                .isZero();
        Path publicDer = dir.resolve("public.der");
        assertThat(run(
                        "openssl",
                        "pkey",
                        "-in",
                        file.toString(),
                        "-pubout",
                        "-outform",
                        "DER",
                        "-out",
                        publicDer.toString()))
                .isZero();

        SigningKey key = SigningKeys.loadOrCreate(dir);

        assertThat(key.keyId()).isEqualTo(Sha256.hex(Files.readAllBytes(publicDer)));
    }

    @Test
    void namesADamagedFileAndSaysWhatToDo() throws Exception {
        Path file = dir.resolve(SigningKeys.PRIVATE_KEY_FILE);
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nnot base64 at all!\n-----END PRIVATE KEY-----\n");

        assertDamaged(file);
        Files.writeString(file, "garbage");
        assertDamaged(file);
    }

    @Test
    void refusesAKeyOfAnotherAlgorithm() throws Exception {
        Path file = dir.resolve(SigningKeys.PRIVATE_KEY_FILE);
        assumeThat(run(
                        "openssl",
                        "genpkey",
                        "-algorithm",
                        "EC",
                        "-pkeyopt",
                        "ec_paramgen_curve:P-256",
                        "-out",
                        file.toString()))
                .isZero();

        assertDamaged(file);
    }

    private static void assertDamaged(Path file) {
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(file.getParent()))
                .isInstanceOf(ServerException.class)
                .hasMessageStartingWith("The signing key file " + file + " is damaged")
                .hasMessageContaining("Restore it from a backup")
                .extracting(e -> ((ServerException) e).code())
                .isEqualTo(ErrorCode.INTERNAL);
    }

    private static int run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
