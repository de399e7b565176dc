package dev.caisey.bench.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.caisey.bench.Result;
import dev.caisey.record.chain.SigningKey;
import dev.caisey.record.export.ExportCodec;
import dev.caisey.record.export.RecordExport;
import dev.caisey.record.verify.RecordVerifier;
import dev.caisey.record.verify.Verification;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordSizeBenchTest {
    @Test
    void dividesTheExportsBytesByTheMinutesBetweenItsFirstAndLastEvent() {
        RecordExport export = NoisySession.export(10, SigningKey.generate());
        Result r = RecordSizeBench.perMinute("noisy", export);
        double minutes =
                (export.events().getLast().at() - export.events().getFirst().at()) / 60e6;
        assertThat(minutes).isBetween(10.0, 10.01);
        assertThat(r.value()).isCloseTo(ExportCodec.write(export).length / 1_000.0 / minutes, within(1e-9));
        assertThat(r.unit()).isEqualTo("KB/min");
        assertThat(r.hasBaseline()).isFalse();
    }

    @Test
    void measuresThePrinterSpoolerSampleAndANoisySession() {
        List<Result> results = new RecordSizeBench().run();
        assertThat(results)
                .extracting(Result::name)
                .satisfiesExactly(
                        n -> assertThat(n).startsWith("record size, printer-spooler sample: 19 events, 2.2 min,"),
                        n -> assertThat(n).startsWith("record size, noisy session"));
        assertThat(results.get(1).value())
                .as("a session streaming output all along is larger per minute than the sample")
                .isGreaterThan(results.get(0).value());
    }

    @Test
    void buildsANoisySessionThatVerifiesAsASignedRecord() {
        byte[] json = ExportCodec.write(NoisySession.export(5, SigningKey.generate()));
        assertThat(RecordVerifier.create().verify(json)).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void refusesANoisySessionOfNoTime() {
        assertThatThrownBy(() -> NoisySession.export(0, SigningKey.generate())).hasMessageContaining("asked for 0");
    }
}
