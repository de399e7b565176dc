package dev.caisey.record.protocol;

import static dev.caisey.record.protocol.ProtocolCodecTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.ErrorCode;
import org.junit.jupiter.api.Test;

class AccountRoleTest {

    @Test
    void readsItsLowerCaseWireForm() {
        for (AccountRole role : AccountRole.values()) {
            assertThat(AccountRole.ofWireName(role.wireName())).isEqualTo(role);
        }
        assertThat(AccountRole.MANAGER.wireName()).isEqualTo("manager");
    }

    @Test
    void rejectsAnUnknownRoleListingTheKnownOnes() {
        assertRefused(
                () -> AccountRole.ofWireName("Manager"),
                ErrorCode.INVALID,
                "role must be one of technician, manager, administrator; found 'Manager'");
    }
}
