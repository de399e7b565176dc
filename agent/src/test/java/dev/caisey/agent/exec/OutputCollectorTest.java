package dev.caisey.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.Limits;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.OutputChannel;
import org.junit.jupiter.api.Test;

class OutputCollectorTest {
    private final RecordingReporter reporter = new RecordingReporter();

    @Test
    void neverSplitsASurrogatePairAtAChunkBoundary() throws Exception {
        OutputCollector collector = new OutputCollector(new CommandKey("s", "c"), reporter, 1_000_000, Long.MAX_VALUE);
        String text = "a" + "😀".repeat(Limits.MAX_OUTPUT_CHUNK_CHARS);
        collector.accept(OutputChannel.STDOUT, text);
        collector.flushAll();
        assertThat(reporter.output("c", OutputChannel.STDOUT)).isEqualTo(text);
        assertThat(reporter.events()).allSatisfy(e -> {
            String chunk = ((CommandOutput) e).text();
            assertThat(Character.isHighSurrogate(chunk.charAt(chunk.length() - 1)))
                    .isFalse();
            assertThat(chunk.length()).isLessThanOrEqualTo(Limits.MAX_OUTPUT_CHUNK_CHARS);
        });
    }

    @Test
    void keepsChunksOfControlCharactersWithinOneWireMessage() throws Exception {
        OutputCollector collector = new OutputCollector(new CommandKey("s", "c"), reporter, 1_000_000, Long.MAX_VALUE);
        collector.accept(OutputChannel.STDERR, "\u0001".repeat(Limits.MAX_OUTPUT_CHUNK_CHARS));
        collector.flushAll();
        assertThat(reporter.events())
                .hasSizeGreaterThan(1)
                .allSatisfy(e -> assertThat(((CommandOutput) e).text().length() * 6)
                        .isLessThanOrEqualTo(OutputCollector.CHUNK_BUDGET_BYTES));
    }

    @Test
    void dropsOutputBeyondTheLimitAndSaysSo() throws Exception {
        OutputCollector collector = new OutputCollector(new CommandKey("s", "c"), reporter, 10, Long.MAX_VALUE);
        collector.accept(OutputChannel.STDOUT, "12345");
        collector.accept(OutputChannel.STDERR, "abcdefgh");
        collector.accept(OutputChannel.STDOUT, "more");
        collector.flushAll();
        assertThat(collector.truncated()).isTrue();
        assertThat(collector.sentChars()).isEqualTo(10);
        assertThat(reporter.output("c", OutputChannel.STDOUT)).isEqualTo("12345");
        assertThat(reporter.output("c", OutputChannel.STDERR)).isEqualTo("abcde");
    }
}
