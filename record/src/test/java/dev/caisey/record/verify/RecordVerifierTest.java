package dev.caisey.record.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.SigningKey;
import dev.caisey.record.export.ExportCodec;
import dev.caisey.record.export.KeyEntry;
import dev.caisey.record.json.Json;
import dev.caisey.record.sample.Forgery;
import dev.caisey.record.sample.PrinterSpoolerScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Tamper tests on the printer-spooler sample: every single change the issue lists must be refused, and the message
 * must point at the right place.
 */
class RecordVerifierTest {
    private static final byte[] SAMPLE = ExportCodec.write(PrinterSpoolerScenario.export());
    private static final RecordVerifier VERIFIER = RecordVerifier.create();

    private static ObjectNode sample() {
        return (ObjectNode) Json.parse(SAMPLE);
    }

    /** One mutation of the sample: where it was made, and the change itself. */
    record Tamper(String where, Consumer<ObjectNode> change) {}

    @Test
    void acceptsTheUntouchedSample() {
        Verification result = VERIFIER.verify(sample());

        assertThat(result).isInstanceOf(Verification.Verified.class);
        assertThat(((Verification.Verified) result).lastCheckpoint().seq()).isEqualTo(19);
    }

    @Test
    void detectsEveryOneCharacterChangeOfEveryStringInEventsAndCheckpoints() {
        List<Tamper> tampers = new ArrayList<>();
        forEachLeaf(sample(), (path, leaf) -> {
            if (leaf.isTextual()) {
                String text = leaf.textValue();
                for (int index : positions(0, text.length() / 2, text.length() - 1)) {
                    tampers.add(new Tamper(
                            path + "@" + index, root -> set(root, path, new TextNode(flip(text, index)))));
                }
            }
        });
        assertThat(tampers).hasSizeGreaterThan(500);
        assertAllRefused(tampers);
    }

    @Test
    void detectsEveryOneDigitChangeOfEveryNumberAndEveryFlippedBoolean() {
        List<Tamper> tampers = new ArrayList<>();
        forEachLeaf(sample(), (path, leaf) -> {
            if (leaf.isIntegralNumber()) {
                String digits = Long.toString(leaf.longValue());
                for (int index : positions(digits.length() - 1, digits.length() / 2, digits.startsWith("-") ? 1 : 0)) {
                    char d = digits.charAt(index);
                    String changed = digits.substring(0, index)
                            + (char) ('0' + (d - '0' + 1) % 10)
                            + digits.substring(index + 1);
                    tampers.add(new Tamper(
                            path + "#" + index, root -> set(root, path, LongNode.valueOf(Long.parseLong(changed)))));
                }
            } else if (leaf.isBoolean()) {
                tampers.add(new Tamper(path, root -> set(root, path, BooleanNode.valueOf(!leaf.booleanValue()))));
            }
        });
        assertThat(tampers).hasSizeGreaterThan(100);
        assertAllRefused(tampers);
    }

    @Test
    void detectsEveryRenamedOrRemovedMember() {
        List<Tamper> tampers = new ArrayList<>();
        forEachObject(
                sample(),
                (path, object) -> object.fieldNames().forEachRemaining(name -> {
                    tampers.add(new Tamper(
                            path + "." + name + " removed", root -> ((ObjectNode) at(root, path)).remove(name)));
                    tampers.add(new Tamper(path + "." + name + " renamed", root -> {
                        ObjectNode target = (ObjectNode) at(root, path);
                        target.set(name + "_", target.remove(name));
                    }));
                }));
        assertThat(tampers).hasSizeGreaterThan(400);
        assertAllRefused(tampers);
    }

    @Test
    void detectsEveryDroppedDuplicatedOrSwappedEvent() {
        int count = sample().get("events").size();
        List<Tamper> tampers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            tampers.add(new Tamper("drop " + i, root -> events(root).remove(index)));
            tampers.add(new Tamper(
                    "duplicate " + i,
                    root -> events(root).insert(index, events(root).get(index).deepCopy())));
            for (int j = i + 1; j < count; j++) {
                int other = j;
                tampers.add(new Tamper("swap " + i + "," + j, root -> {
                    ArrayNode events = events(root);
                    JsonNode a = events.get(index);
                    events.set(index, events.get(other));
                    events.set(other, a);
                }));
            }
        }
        assertAllRefused(tampers);
    }

    @Test
    void refusesASwappedPublicKey() {
        ObjectNode root = sample();
        ((ArrayNode) root.get("keys"))
                .set(0, Json.tree(KeyEntry.of(SigningKey.generate().publicKey())));

        Verification result = VERIFIER.verify(root);

        assertThat(result).isInstanceOf(Verification.Refused.class);
        assertThat(result.message()).contains("names key").contains("which the record does not carry");
    }

    @Test
    void refusesAPublicKeyReplacedUnderTheOriginalKeyId() {
        ObjectNode root = sample();
        ObjectNode key = (ObjectNode) root.get("keys").get(0);
        key.put("publicKey", KeyEntry.of(SigningKey.generate().publicKey()).publicKey());

        Verification result = VERIFIER.verify(root);

        assertThat(result).isInstanceOf(Verification.Refused.class);
        assertThat(result.message()).contains("is not the SHA-256 of its public key");
    }

    @Test
    void aRecordResignedWithAnotherKeyIsRefusedWhenTheServerKeyIsTrusted() {
        SigningKey forger = PrinterSpoolerScenario.keyFromSeed("forger");
        byte[] forged = ExportCodec.write(PrinterSpoolerScenario.export(forger));
        String serverKey = PrinterSpoolerScenario.sampleKey().keyId();

        Verification trusting = VERIFIER.trusting(Set.of(serverKey)).verify(forged);
        Verification open = VERIFIER.verify(forged);

        assertThat(trusting).isInstanceOf(Verification.Refused.class);
        assertThat(trusting.message()).contains("which is not one you trust");
        assertThat(open.message())
                .as("without --trust the summary shows whose key signed")
                .contains(forger.keyId().substring(0, 12));
        assertThat(VERIFIER.trusting(Set.of(serverKey)).verify(SAMPLE)).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void refusesARecordWithoutCheckpoints() {
        ObjectNode root = sample();
        root.putArray("checkpoints");

        assertThat(VERIFIER.verify(root).message()).contains("no checkpoint");
    }

    @Test
    void refusesAClosedSessionWhoseLastEventIsNotSigned() {
        ObjectNode root = sample();
        ((ArrayNode) root.get("checkpoints")).remove(1);

        assertThat(VERIFIER.verify(root).message()).contains("no checkpoint covers its last event (19)");
    }

    @Test
    void refusesASummaryThatDisagreesWithTheEvents() {
        ObjectNode root = sample();
        ((ObjectNode) root.get("session")).put("outcome", "unresolved");

        assertThat(VERIFIER.verify(root).message()).contains("'session' summary does not match the events");
    }

    @Test
    void namesTheChangedEventInWords() {
        ObjectNode root = sample();
        ((ObjectNode) root.get("events").get(16).get("data")).put("text", "It did not work.");

        Verification result = VERIFIER.verify(root);

        assertThat(result)
                .isEqualTo(
                        new Verification.Refused(
                                ErrorCode.CHAIN_BROKEN,
                                "event 17 (chat.message): its hash does not match its contents (it was changed after it was recorded)"));
    }

    @Test
    void refusesAnEventAttributedToARoleThatCannotCauseIt() {
        ObjectNode root = sample();
        ObjectNode event = (ObjectNode) root.get("events").get(12);
        ((ObjectNode) event.get("actor")).put("role", "technician");
        Forgery.resealFrom(root, 12);

        assertThat(VERIFIER.verify(root).message())
                .isEqualTo("event 13 (command.output) is attributed to a technician, who cannot cause it");
    }

    @Test
    void refusesARepeatedEventId() {
        ObjectNode root = sample();
        ((ObjectNode) root.get("events").get(5))
                .put("id", root.get("events").get(4).get("id").textValue());
        Forgery.resealFrom(root, 5);

        assertThat(VERIFIER.verify(root).message()).contains("event 6 (command.requested) repeats the id");
    }

    @Test
    void refusesACheckpointDatedBeforeItsEvent() {
        SigningKey key = PrinterSpoolerScenario.sampleKey();
        ObjectNode root = sample();
        JsonNode last = root.get("events").get(18);
        ((ArrayNode) root.get("checkpoints"))
                .set(
                        1,
                        Json.tree(key.checkpoint(
                                "s-20261117-prn-acct-01", 19, last.get("hash").textValue(), 1)));

        assertThat(VERIFIER.verify(root).message()).contains("is dated before the event it covers");
    }

    @Test
    void refusesAnExportLargerThanTheLimit() {
        Verification result = VERIFIER.withMaxBytes(1000).verify(SAMPLE);

        assertThat(result).extracting(v -> ((Verification.Refused) v).code()).isEqualTo(ErrorCode.TOO_LARGE);
    }

    @Test
    void refusesAnotherFormatVersion() {
        ObjectNode root = sample();
        root.put("format", "caisey-record/2");

        assertThat(VERIFIER.verify(root))
                .isEqualTo(new Verification.Refused(
                        ErrorCode.UNSUPPORTED_VERSION,
                        "the format is 'caisey-record/2'; this verifier reads caisey-record/1"));
    }

    private static void assertAllRefused(List<Tamper> tampers) {
        List<String> accepted = new ArrayList<>();
        for (Tamper tamper : tampers) {
            ObjectNode root = sample();
            tamper.change().accept(root);
            if (!(VERIFIER.verify(root) instanceof Verification.Refused)) {
                accepted.add(tamper.where());
            }
        }
        assertThat(accepted).as("changes the verifier accepted").isEmpty();
    }

    private static java.util.SortedSet<Integer> positions(int... indexes) {
        java.util.SortedSet<Integer> set = new java.util.TreeSet<>();
        for (int index : indexes) {
            set.add(index);
        }
        return set;
    }

    private static ArrayNode events(ObjectNode root) {
        return (ArrayNode) root.get("events");
    }

    private static String flip(String text, int index) {
        char c = text.charAt(index);
        char replacement = c == 'a' ? 'b' : c == '0' ? '1' : Character.isUpperCase(c) ? 'A' : 'a';
        if (replacement == c) {
            replacement = 'B';
        }
        return text.substring(0, index) + replacement + text.substring(index + 1);
    }

    /** Visits every scalar inside events and checkpoints, with a JSON-pointer path. */
    private static void forEachLeaf(ObjectNode root, java.util.function.BiConsumer<String, JsonNode> visitor) {
        for (String section : List.of("events", "checkpoints")) {
            walk("/" + section, root.get(section), visitor);
        }
    }

    private static void walk(String path, JsonNode node, java.util.function.BiConsumer<String, JsonNode> visitor) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                walk(path + "/" + member.getKey(), member.getValue(), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(path + "/" + i, node.get(i), visitor);
            }
        } else {
            visitor.accept(path, node);
        }
    }

    private static void forEachObject(ObjectNode root, java.util.function.BiConsumer<String, ObjectNode> visitor) {
        for (String section : List.of("events", "checkpoints")) {
            walkObjects("/" + section, root.get(section), visitor);
        }
    }

    private static void walkObjects(
            String path, JsonNode node, java.util.function.BiConsumer<String, ObjectNode> visitor) {
        if (node.isObject()) {
            visitor.accept(path, (ObjectNode) node);
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                walkObjects(path + "/" + member.getKey(), member.getValue(), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walkObjects(path + "/" + i, node.get(i), visitor);
            }
        }
    }

    private static JsonNode at(ObjectNode root, String pointer) {
        return root.at(pointer);
    }

    private static void set(ObjectNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }
}
