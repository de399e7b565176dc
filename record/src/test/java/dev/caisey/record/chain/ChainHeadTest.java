package dev.caisey.record.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.caisey.record.event.Actor;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.record.json.EventCodec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Property tests of chain building: any sequence of appends gives a gap-free, linked, reproducible chain. */
class ChainHeadTest {
    private static final Actor CLIENT = new Actor(Role.CLIENT, "c-1", "Maria");
    private static final long START = 1_794_928_532_104_000L;

    /** Chat texts: any printable BMP text without lone surrogates, including quotes, backslashes and non-ASCII. */
    private static final Gen<List<String>> TEXTS = lists().of(strings()
                    .betweenCodePoints(0x20, 0xD7FF)
                    .ofLengthBetween(0, 40)
                    .map(s -> "m" + s))
            .ofSizeBetween(1, 40);

    /** Time steps in microseconds, some negative: the server clock may step back, the record must not. */
    private static final Gen<List<Long>> STEPS =
            lists().of(longs().between(-5_000_000L, 60_000_000L)).ofSize(40);

    static List<RecordedEvent> build(List<String> texts, List<Long> steps) {
        ChainHead head = ChainHead.genesis("s-prop");
        List<RecordedEvent> events = new ArrayList<>();
        long clock = START;
        for (int i = 0; i < texts.size(); i++) {
            clock += steps.get(i);
            RecordedEvent event = head.next(clock, "e-" + i, CLIENT, null, new ChatMessage(texts.get(i)));
            head = head.after(event);
            events.add(event);
        }
        return events;
    }

    @Test
    void everyChainIsNumberedWithoutGapsAndLinked() {
        qt().withExamples(200).forAll(TEXTS, STEPS).checkAssert((texts, steps) -> {
            List<RecordedEvent> events = build(texts, steps);
            String prev = RecordedEvent.GENESIS;
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).seq()).isEqualTo(i + 1);
                assertThat(events.get(i).prev()).isEqualTo(prev);
                prev = events.get(i).hash();
            }
        });
    }

    @Test
    void everyHashIsReproducibleFromTheEventsJson() {
        qt().withExamples(200).forAll(TEXTS, STEPS).checkAssert((texts, steps) -> {
            for (RecordedEvent event : build(texts, steps)) {
                assertThat(ChainHead.hashOf(EventCodec.toJson(event))).isEqualTo(event.hash());
            }
        });
    }

    @Test
    void timeNeverRunsBackwardsEvenWhenTheClockDoes() {
        qt().withExamples(200).forAll(TEXTS, STEPS).checkAssert((texts, steps) -> {
            List<RecordedEvent> events = build(texts, steps);
            for (int i = 1; i < events.size(); i++) {
                assertThat(events.get(i).at())
                        .isGreaterThanOrEqualTo(events.get(i - 1).at());
            }
        });
    }

    @Test
    void hashesOfAChainAreAllDistinctEvenForRepeatedTexts() {
        qt().withExamples(100).forAll(integers().between(1, 50)).checkAssert(n -> {
            List<String> same = new ArrayList<>();
            List<Long> steps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                same.add("same text");
                steps.add(0L);
            }
            Set<String> hashes = new HashSet<>();
            build(same, steps).forEach(e -> hashes.add(e.hash()));
            assertThat(hashes).hasSize(n);
        });
    }

    @Test
    void changingAnyOneTextChangesThatHashAndBreaksTheNextLink() {
        qt().withExamples(200).forAll(TEXTS, STEPS, integers().between(0, 39)).checkAssert((texts, steps, pick) -> {
            int index = pick % texts.size();
            List<RecordedEvent> original = build(texts, steps);
            List<String> changed = new ArrayList<>(texts);
            changed.set(index, texts.get(index) + "!");
            List<RecordedEvent> altered = build(changed, steps);

            assertThat(altered.get(index).hash())
                    .isNotEqualTo(original.get(index).hash());
            for (int i = 0; i < index; i++) {
                assertThat(altered.get(i).hash()).isEqualTo(original.get(i).hash());
            }
            if (index + 1 < texts.size()) {
                assertThat(original.get(index + 1).prev())
                        .isNotEqualTo(altered.get(index).hash());
            }
        });
    }

    @Test
    void refusesToAdvancePastAnEventThatDoesNotFollow() {
        ChainHead head = ChainHead.genesis("s-1");
        RecordedEvent first = head.next(1, "e-1", CLIENT, null, new ChatMessage("hi"));
        ChainHead afterFirst = head.after(first);

        assertThatThrownBy(() -> afterFirst.after(first)).isInstanceOf(IllegalArgumentException.class);
    }
}
