package dev.caisey.server.auth;

import static dev.caisey.server.auth.AccountsTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.event.ApprovalPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganisationsTest {
    @TempDir
    Path dir;

    private AuthFixture f;

    @BeforeEach
    void open() {
        f = new AuthFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void createsReadsUpdatesAndDeletes() {
        Organisation harbor = f.harbor();
        Organisation bakery = f.organisations.create(
                new Organisation("bakery", "Alder Bakery", ZoneId.of("Europe/Berlin"), 60, ApprovalPolicy.ALL, false),
                f.now());

        assertThat(f.organisations.get("harbor")).isEqualTo(harbor);
        assertThat(f.organisations.list()).containsExactly(bakery, harbor);

        Organisation changed =
                new Organisation("harbor", "Harbor Accounting", harbor.timeZone(), 120, ApprovalPolicy.NONE, false);
        f.organisations.update(changed);
        assertThat(f.organisations.get("harbor")).isEqualTo(changed);

        f.organisations.delete("bakery");
        assertThat(f.organisations.find("bakery")).isEmpty();
        assertCode(() -> f.organisations.get("bakery"), ErrorCode.NOT_FOUND, "There is no organisation 'bakery'.");
    }

    @Test
    void keepsOrganisationsAcrossARestart() {
        Organisation harbor = f.harbor();
        f.close();

        f = new AuthFixture(dir);

        assertThat(f.organisations.get("harbor")).isEqualTo(harbor);
    }

    @Test
    void refusesDuplicatesAndUnknownOnes() {
        Organisation harbor = f.harbor();

        assertCode(() -> f.organisations.create(harbor, f.now()), ErrorCode.CONFLICT, "There is already an");
        assertCode(
                () -> f.organisations.update(
                        new Organisation("nowhere", "Nowhere", harbor.timeZone(), 60, ApprovalPolicy.ALL, false)),
                ErrorCode.NOT_FOUND,
                "There is no organisation 'nowhere'.");
        assertCode(() -> f.organisations.delete("nowhere"), ErrorCode.NOT_FOUND, "There is no organisation");
    }

    @Test
    void refusesToDeleteAnOrganisationThatStillHasEnrollmentTokens() {
        f.harbor();
        f.enrollment.createEnrollmentToken("harbor", Duration.ofHours(1), f.now());

        assertCode(
                () -> f.organisations.delete("harbor"),
                ErrorCode.CONFLICT,
                "The organisation 'harbor' still has endpoints, accounts or enrollment tokens");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus_Mons", "+02:00", "GMT+2", "europe/berlin", ""})
    void acceptsOnlyIanaTimeZoneNames(String zone) {
        assertCode(() -> Organisation.timeZone(zone), ErrorCode.INVALID, "The time zone must be an IANA name");
    }

    @Test
    void acceptsIanaRegions() {
        assertThat(Organisation.timeZone("America/New_York")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(Organisation.timeZone("UTC")).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void validatesEveryMember() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertCode(
                () -> new Organisation("bad id", "X", berlin, 60, ApprovalPolicy.ALL, false), ErrorCode.INVALID, "id");
        assertCode(() -> new Organisation("x", " ", berlin, 60, ApprovalPolicy.ALL, false), ErrorCode.INVALID, "name");
        assertCode(
                () -> new Organisation("x", "X", berlin, 0, ApprovalPolicy.ALL, false),
                ErrorCode.INVALID,
                "The SLA target must be 1 to 43200 minutes; found 0.");
        assertCode(
                () -> new Organisation("x", "X", ZoneId.of("+02:00"), 60, ApprovalPolicy.ALL, false),
                ErrorCode.INVALID,
                "The time zone must be an IANA name");
        assertCode(() -> new Organisation("x", "X", berlin, 60, null, false), ErrorCode.INVALID, "approvalPolicy");
    }
}
