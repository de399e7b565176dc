package dev.caisey.record.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.RecordException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whatever arrives, decoding either yields a frame or says what was wrong: nothing else escapes. */
class ProtocolCodecFuzzTest {
    private static final List<String> DAMAGE = List.of(
            "",
            "\"",
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "null",
            "1.5",
            "-1",
            "true",
            "\"x\"",
            "9007199254740993",
            "1e3",
            "{}",
            "[]",
            "\\u0000",
            "\\ud800",
            "\"a\":1,",
            "é",
            "\"v\":2,");

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void decodingADamagedFrameYieldsAFrameOrARecordException(MessageType type) {
        String text = ProtocolCodec.encode(Frame.request("r-1", Samples.of(type)));
        Random random = new Random(type.ordinal());

        for (int i = 0; i < 300; i++) {
            int at = random.nextInt(text.length() + 1);
            int cut = Math.min(text.length(), at + random.nextInt(3));
            String damaged = text.substring(0, at) + DAMAGE.get(random.nextInt(DAMAGE.size())) + text.substring(cut);
            try {
                Frame frame = ProtocolCodec.decode(damaged);
                assertThat(ProtocolCodec.decode(ProtocolCodec.encode(frame))).isEqualTo(frame);
            } catch (RecordException e) {
                assertThat(e.getMessage()).as(damaged).isNotBlank();
            }
        }
    }
}
