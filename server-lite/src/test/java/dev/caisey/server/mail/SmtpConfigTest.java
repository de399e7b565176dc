package dev.caisey.server.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.record.ErrorCode;
import dev.caisey.report.mail.SmtpSettings;
import dev.caisey.server.ServerException;
import dev.caisey.server.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmtpConfigTest {
    @TempDir
    Path dir;

    @Test
    void sendsWithThePasswordGivenAtStartWhichTheDatabaseNeverHolds() throws Exception {
        String password = "pw-given-at-start-7d1c";
        try (Database database = Database.open(dir)) {
            SmtpConfig config = new SmtpConfig(database, () -> password);
            assertThatThrownBy(config::current)
                    .isInstanceOfSatisfying(
                            ServerException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                    .hasMessage(SmtpConfig.NOT_SET);

            config.save(
                    SmtpSettings.of("smtp.msp.example", 465, SmtpSettings.Security.TLS, "support@msp.example")
                            .withLogin("reports", password),
                    Instant.now());

            SmtpSettings current = config.current();
            assertThat(current.host()).isEqualTo("smtp.msp.example");
            assertThat(current.user()).isEqualTo("reports");
            assertThat(current.password()).isEqualTo(password);
            assertThatThrownBy(() -> new SmtpConfig(database, () -> null).current())
                    .hasMessage("The mail server login reports has no password; start the server with"
                            + " CAISEY_SMTP_PASSWORD or --smtp-password-file.");
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.getFileName().toString())
                        .doesNotContain(password);
            }
        }
    }
}
