package dev.caisey.server.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.server.ServerException;
import dev.caisey.server.auth.Organisation;
import dev.caisey.server.auth.Organisations;
import dev.caisey.server.db.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientAddressesTest {
    @TempDir
    Path dir;

    private Database database;
    private Organisations organisations;
    private ClientAddresses addresses;

    @BeforeEach
    void open() {
        database = Database.open(dir);
        organisations = new Organisations(database);
        organisations.create(
                new Organisation(
                        "o-harbor",
                        "Harbor Accounting LLP",
                        ZoneId.of("America/New_York"),
                        240,
                        ApprovalPolicy.RISKY,
                        false),
                Instant.now());
        addresses = new ClientAddresses(database, organisations);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void replacesTheAddressesWithoutDuplicatesAndListsThemInOrder() {
        addresses.set("o-harbor", List.of("old@harbor.example"));

        addresses.set("o-harbor", List.of("it@harbor.example", "ap@harbor.example", "it@harbor.example"));

        assertThat(addresses.of("o-harbor")).containsExactly("ap@harbor.example", "it@harbor.example");
        addresses.set("o-harbor", List.of());
        assertThat(addresses.of("o-harbor")).isEmpty();
    }

    @Test
    void refusesABadAddressOrTooManyAndChangesNothing() {
        addresses.set("o-harbor", List.of("ap@harbor.example"));

        assertThatThrownBy(() -> addresses.set("o-harbor", List.of("it@harbor.example", "Mallory <m@evil.example>")))
                .isInstanceOfSatisfying(
                        ServerException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID))
                .hasMessageContaining("is not an e-mail address");
        List<String> tooMany = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add("person" + i + "@harbor.example");
        }
        assertThatThrownBy(() -> addresses.set("o-harbor", tooMany)).hasMessageContaining("at most 20");
        assertThatThrownBy(() -> addresses.set("o-nobody", List.of("a@b.example")))
                .isInstanceOfSatisfying(
                        ServerException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));

        assertThat(addresses.of("o-harbor")).containsExactly("ap@harbor.example");
    }

    @Test
    void theAddressesGoWithTheirOrganisation() {
        addresses.set("o-harbor", List.of("ap@harbor.example"));

        organisations.delete("o-harbor");

        assertThat(addresses.of("o-harbor")).isEmpty();
    }
}
