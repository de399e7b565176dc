package dev.caisey.console.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FingerprintTest {
    private static final String COLONS = "AB:CD:" + "01:".repeat(29) + "EF";

    @Test
    void readsTheServersColonFormAndPlainHexAlike() {
        Fingerprint colons = Fingerprint.parse(COLONS);
        Fingerprint hex = Fingerprint.parse(COLONS.replace(":", "").toLowerCase(java.util.Locale.ROOT));

        assertThat(colons).isEqualTo(hex).hasSameHashCodeAs(hex);
        assertThat(colons).hasToString(COLONS);
        assertThat(colons.matches(Fingerprint.parse("00".repeat(32)))).isFalse();
    }

    @Test
    void refusesWhatIsNotASha256InWords() {
        for (String bad : new String[] {"AB:CD", "zz".repeat(32), "ab".repeat(33)}) {
            assertThatThrownBy(() -> Fingerprint.parse(bad)).hasMessageContaining("64 hex digits");
        }
    }
}
