package dev.caisey.record.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.export.ExportCodec;
import dev.caisey.record.verify.RecordVerifier;
import dev.caisey.record.verify.Verification;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class PrinterSpoolerScenarioTest {

    @Test
    void committedFixtureIsExactlyWhatTheScenarioProduces() throws IOException {
        if (Boolean.getBoolean("caisey.regenerate")) {
            PrinterSpoolerScenario.writeFixture(PrinterSpoolerScenario.FIXTURE);
        }
        byte[] expected = ExportCodec.write(PrinterSpoolerScenario.export());
        assertThat(Files.readString(PrinterSpoolerScenario.FIXTURE))
                .as("the fixture is generated; regenerate it with -Dcaisey.regenerate=true")
                .isEqualTo(new String(expected, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void fixtureVerifiesWithTheStoryOfTheDesign() {
        Verification result = RecordVerifier.create().verify(PrinterSpoolerScenario.FIXTURE);

        assertThat(result).isInstanceOf(Verification.Verified.class);
        assertThat(result.message())
                .startsWith("19 events, 2026-11-17 15:15:32 to 15:17:45 UTC, chain intact, signed by key ")
                .contains("last checkpoint covers event 19")
                .contains("closed: resolved");
    }

    @Test
    void sampleKeyIsTheSameEveryTime() {
        assertThat(PrinterSpoolerScenario.sampleKey().keyId())
                .isEqualTo(PrinterSpoolerScenario.sampleKey().keyId())
                .isNotEqualTo(PrinterSpoolerScenario.keyFromSeed("another").keyId());
    }
}
