package dev.caisey.record.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.json.Json;
import dev.caisey.record.sample.Forgery;
import dev.caisey.record.sample.PrinterSpoolerScenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the {@code python3} + {@code openssl} recipe of {@code docs/RECORD.md} exactly as the document prints it, on
 * the printer-spooler sample and on tampered copies, and requires the Java verifier to reach the same verdict on every
 * file: the two implementations of the specification must never disagree.
 *
 * <p>{@code python3} and {@code openssl} must be on the PATH; CI installs them. Without them the test fails rather
 * than skips, since a recipe nobody runs soon stops working.
 */
class RecordRecipeTest {
    private static final Path DOC = Path.of("..", "docs", "RECORD.md");
    private static final String FENCE_OPEN = "```python verify-record.py";
    private static final String FENCE_CLOSE = "```";
    private static final long TIMEOUT_SECONDS = 60;
    private static final String CHAT_TEXT = "It worked — test page printed.";
    private static final Path SAMPLE = PrinterSpoolerScenario.FIXTURE.toAbsolutePath();

    @TempDir
    Path dir;

    private Path script;

    /** What one run of the script printed (stdout and stderr together) and its exit status. */
    record Run(int status, String output) {}

    @BeforeEach
    void extractTheScriptFromTheDocument() throws IOException {
        requireOnPath("python3", "--version");
        requireOnPath("openssl", "version");
        script = Files.writeString(dir.resolve("verify-record.py"), scriptFromDocument());
    }

    @Test
    void documentHoldsExactlyOneRecipeScript() throws IOException {
        long blocks = Files.readAllLines(DOC, StandardCharsets.UTF_8).stream()
                .filter(line -> line.strip().equals(FENCE_OPEN))
                .count();

        assertThat(blocks)
                .as("fenced blocks opened with '%s' in %s", FENCE_OPEN, DOC)
                .isEqualTo(1);
        assertThat(Files.readString(script))
                .startsWith("#!/usr/bin/env python3")
                .contains("def main(");
    }

    @Test
    void acceptsTheSampleAndPrintsTheSummaryLine() throws IOException {
        Path file = SAMPLE;

        Run run = python(file.toString());

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output())
                .startsWith("OK: 19 events, chain intact, last checkpoint covers event 19, key "
                        + PrinterSpoolerScenario.sampleKey().keyId());
        assertThat(javaVerdict(file)).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void refusesAChangedChatMessageAndNamesTheEvent() throws IOException {
        Path file = write("tampered.caisey.json", sampleText().replace(CHAT_TEXT, "It worked — test page printes."));

        Run run = python(file.toString());

        assertThat(run.status()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .startsWith("FAILED: ")
                .contains("event 17 (chat.message)")
                .contains("hash does not match");
        assertRefusedByJava(file, ErrorCode.CHAIN_BROKEN);
    }

    @Test
    void refusesACheckpointWhoseSignatureHasOneBase64CharacterChanged() throws IOException {
        String text = sampleText();
        String marker = "\"signature\" : \"";
        int at = text.indexOf(marker) + marker.length();
        char original = text.charAt(at);
        char changed = original == 'A' ? 'B' : 'A';
        Path file = write("bad-signature.caisey.json", text.substring(0, at) + changed + text.substring(at + 1));

        Run run = python(file.toString());

        assertThat(run.status()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).startsWith("FAILED: ").contains("checkpoint 1").contains("signature");
        assertRefusedByJava(file, ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void refusesTwoSwappedEvents() throws IOException {
        ObjectNode root = (ObjectNode) Json.parse(sampleText());
        ArrayNode events = (ArrayNode) root.get("events");
        JsonNode fifth = events.get(4);
        events.set(4, events.get(5));
        events.set(5, fifth);
        Path file = dir.resolve("swapped.caisey.json");
        Files.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));

        Run run = python(file.toString());

        assertThat(run.status()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).startsWith("FAILED: ").contains("position 5").contains("out of order");
        assertRefusedByJava(file, ErrorCode.CHAIN_BROKEN);
    }

    @Test
    void refusesAFloatingPointNumber() throws IOException {
        Path file = write("float.caisey.json", replaceOnce(sampleText(), "\"pid\" : 7412", "\"pid\" : 7412.0"));

        Run run = python(file.toString());

        assertThat(run.status()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).startsWith("FAILED: ").contains("7412.0").contains("integers only");
        assertRefusedByJava(file, ErrorCode.INVALID);
    }

    @Test
    void refusesTheSampleWhenTrustingOnlyAnotherKey() {
        String otherKey = PrinterSpoolerScenario.keyFromSeed("another").keyId();

        Run run = python("--trust", otherKey, SAMPLE.toString());

        assertThat(run.status()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).startsWith("FAILED: ").contains("not one you trust");
        Verification java = RecordVerifier.create().trusting(Set.of(otherKey)).verify(SAMPLE);
        assertThat(java).isInstanceOf(Verification.Refused.class);
        assertThat(((Verification.Refused) java).code()).isEqualTo(ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void acceptsTheSampleWhenTrustingItsKey() {
        String sampleKey = PrinterSpoolerScenario.sampleKey().keyId();

        Run run = python("--trust", sampleKey, SAMPLE.toString());

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).startsWith("OK: 19 events").contains(sampleKey);
        assertThat(RecordVerifier.create().trusting(Set.of(sampleKey)).verify(SAMPLE))
                .isInstanceOf(Verification.Verified.class);
    }

    static Stream<Arguments> breachesOfTheJsonRules() {
        return Stream.of(
                Arguments.of("a null", "\"pid\" : 7412", "\"pid\" : null"),
                Arguments.of("an integer beyond 2^53", "\"pid\" : 7412", "\"pid\" : 9007199254740993"),
                Arguments.of("a boolean where an integer belongs", "\"pid\" : 7412", "\"pid\" : true"),
                Arguments.of("an exponent", "\"pid\" : 7412", "\"pid\" : 7412e0"),
                Arguments.of(
                        "a duplicate member", "\"via\" : \"browser\"", "\"via\" : \"browser\", \"via\" : \"browser\""),
                Arguments.of(
                        "an unknown member", "\"via\" : \"browser\"", "\"via\" : \"browser\", \"colour\" : \"red\""),
                Arguments.of("a lone surrogate", CHAT_TEXT, "It worked \\ud800 test page printed."),
                Arguments.of("an unknown format", "\"caisey-record/1\"", "\"caisey-record/2\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breachesOfTheJsonRules")
    void bothVerifiersRefuseEveryBreachOfTheJsonRules(String breach, String from, String to) throws IOException {
        Path file = write("breach.caisey.json", replaceOnce(sampleText(), from, to));

        Run run = python(file.toString());

        assertThat(run.status()).as(breach + ": " + run.output()).isEqualTo(1);
        assertThat(run.output()).startsWith("FAILED: ");
        assertThat(javaVerdict(file)).as(breach).isInstanceOf(Verification.Refused.class);
    }

    static Stream<Arguments> forgeriesTheRulesCatch() {
        return Stream.of(
                Arguments.of(
                        "command output attributed to the technician",
                        (Consumer<ObjectNode>) root -> {
                            child(event(root, 12), "actor").put("role", "technician");
                            Forgery.resealFrom(root, 12);
                        },
                        ErrorCode.INVALID,
                        "event 13 (command.output) is attributed to a technician, who cannot cause it"),
                Arguments.of(
                        "an approval granted by the server",
                        (Consumer<ObjectNode>) root -> {
                            child(event(root, 7), "actor").put("role", "server");
                            Forgery.resealFrom(root, 7);
                        },
                        ErrorCode.INVALID,
                        "event 8 (approval.granted) is attributed to a server, who cannot cause it"),
                Arguments.of(
                        "a repeated event id",
                        (Consumer<ObjectNode>) root -> {
                            event(root, 5).put("id", event(root, 4).get("id").textValue());
                            Forgery.resealFrom(root, 5);
                        },
                        ErrorCode.CHAIN_BROKEN,
                        "event 6 (command.requested) repeats the id 16f04ce7-7fd0-396a-a0d0-ecea024770ac"
                                + " of an earlier event"),
                Arguments.of(
                        "a checkpoint dated before its event",
                        (Consumer<ObjectNode>) root -> {
                            ObjectNode last = event(root, 18);
                            ((ArrayNode) root.get("checkpoints"))
                                    .set(
                                            1,
                                            Json.tree(PrinterSpoolerScenario.sampleKey()
                                                    .checkpoint(
                                                            last.get("session").textValue(),
                                                            19,
                                                            last.get("hash").textValue(),
                                                            last.get("at").longValue() - 1)));
                        },
                        ErrorCode.SIGNATURE_INVALID,
                        "checkpoint 2 (on event 19) is dated before the event it covers"),
                Arguments.of(
                        "a blank optional text",
                        (Consumer<ObjectNode>) root -> {
                            child(event(root, 17), "data").put("reason", " \t ");
                            Forgery.resealFrom(root, 17);
                        },
                        ErrorCode.INVALID,
                        "must not be blank; leave it out instead"),
                Arguments.of(
                        "an empty optional text",
                        (Consumer<ObjectNode>) root -> {
                            child(event(root, 5), "data").put("summary", "");
                            Forgery.resealFrom(root, 5);
                        },
                        ErrorCode.INVALID,
                        "must not be blank; leave it out instead"),
                Arguments.of(
                        "the time zone +05:00",
                        (Consumer<ObjectNode>) root -> setTimeZone(root, "+05:00"),
                        ErrorCode.INVALID,
                        "must be an IANA zone such as America/New_York; found '+05:00'"),
                Arguments.of(
                        "the time zone Z",
                        (Consumer<ObjectNode>) root -> setTimeZone(root, "Z"),
                        ErrorCode.INVALID,
                        "must be an IANA zone such as America/New_York; found 'Z'"),
                Arguments.of(
                        "the time zone EST, which Java does not list",
                        (Consumer<ObjectNode>) root -> setTimeZone(root, "EST"),
                        ErrorCode.INVALID,
                        "must be an IANA zone such as America/New_York; found 'EST'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeriesTheRulesCatch")
    void bothVerifiersRefuseAResealedForgeryForTheSameReason(
            String forgery, Consumer<ObjectNode> change, ErrorCode code, String reason) throws IOException {
        ObjectNode root = sample();
        change.accept(root);
        Path file = writeTree("forged.caisey.json", root);

        Run run = python(file.toString());

        assertThat(run.status()).as(forgery + ": " + run.output()).isEqualTo(1);
        assertThat(run.output()).as(forgery).startsWith("FAILED: ").contains(reason);
        assertRefusedByJava(file, code);
        assertThat(javaVerdict(file).message()).as(forgery).contains(reason);
    }

    static Stream<Arguments> resealedChangesTheRulesAllow() {
        return Stream.of(
                Arguments.of("a control: the sample resealed unchanged", (Consumer<ObjectNode>)
                        root -> Forgery.resealFrom(root, 0)),
                Arguments.of("command output that is only white space", (Consumer<ObjectNode>) root -> {
                    child(event(root, 12), "data").put("text", " \r\n\t ");
                    Forgery.resealFrom(root, 12);
                }),
                Arguments.of("the session closed by the server", (Consumer<ObjectNode>) root -> {
                    child(event(root, 18), "actor")
                            .put("role", "server")
                            .put("id", "server")
                            .put("name", "Caisey server");
                    event(root, 18).remove("sourceAt");
                    Forgery.resealFrom(root, 18);
                }),
                Arguments.of("the time zone Etc/UTC", (Consumer<ObjectNode>) root -> setTimeZone(root, "Etc/UTC")),
                Arguments.of("a checkpoint made in the same microsecond as its event", (Consumer<ObjectNode>) root -> {
                    ObjectNode tenth = event(root, 9);
                    ((ArrayNode) root.get("checkpoints"))
                            .set(
                                    0,
                                    Json.tree(PrinterSpoolerScenario.sampleKey()
                                            .checkpoint(
                                                    tenth.get("session").textValue(),
                                                    10,
                                                    tenth.get("hash").textValue(),
                                                    tenth.get("at").longValue())));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resealedChangesTheRulesAllow")
    void bothVerifiersAcceptAResealedChangeTheRulesAllow(String change, Consumer<ObjectNode> apply) throws IOException {
        ObjectNode root = sample();
        apply.accept(root);
        Path file = writeTree("resealed.caisey.json", root);

        Run run = python(file.toString());

        assertThat(run.status()).as(change + ": " + run.output()).isZero();
        assertThat(run.output()).startsWith("OK: 19 events");
        assertThat(javaVerdict(file)).as(change).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void bothVerifiersRefuseAByteOrderMark() throws IOException {
        byte[] sample = Files.readAllBytes(SAMPLE);
        byte[] withBom = new byte[sample.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(sample, 0, withBom, 3, sample.length);
        Path file = Files.write(dir.resolve("bom.caisey.json"), withBom);

        Run run = python(file.toString());

        assertThat(run.status()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).startsWith("FAILED: ").contains("byte-order mark");
        assertRefusedByJava(file, ErrorCode.MALFORMED);
        assertThat(javaVerdict(file).message()).contains("byte-order mark");
    }

    /** UTF-16 as Java writes it: big-endian after the mark FE FF, which can never begin UTF-8. */
    @Test
    void bothVerifiersRefuseUtf16() throws IOException {
        Path file = Files.write(dir.resolve("utf16.caisey.json"), sampleText().getBytes(StandardCharsets.UTF_16));

        Run run = python(file.toString());

        assertThat(run.status()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).startsWith("FAILED: ").contains("not UTF-8");
        assertRefusedByJava(file, ErrorCode.MALFORMED);
        assertThat(javaVerdict(file).message()).contains("not UTF-8");
    }

    @Test
    void exitsTwoOnAUsageError() {
        Run run = python();

        assertThat(run.status()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("usage:");
    }

    private static Verification javaVerdict(Path file) {
        return RecordVerifier.create().verify(file);
    }

    private static void assertRefusedByJava(Path file, ErrorCode expected) {
        Verification java = javaVerdict(file);
        assertThat(java)
                .as("the Java verifier's verdict on %s", file.getFileName())
                .isInstanceOf(Verification.Refused.class);
        assertThat(((Verification.Refused) java).code()).as(java.message()).isEqualTo(expected);
    }

    private static ObjectNode sample() {
        try {
            return (ObjectNode) Json.parse(sampleText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode event(ObjectNode root, int index) {
        return (ObjectNode) root.get("events").get(index);
    }

    private static ObjectNode child(ObjectNode node, String member) {
        return (ObjectNode) node.get(member);
    }

    /** Sets the organisation's time zone in event 1 and in the summary derived from it, and reseals. */
    private static void setTimeZone(ObjectNode root, String zone) {
        child(child(event(root, 0), "data"), "organisation").put("timeZone", zone);
        ((ObjectNode) root.get("session")).put("timeZone", zone);
        Forgery.resealFrom(root, 0);
    }

    private Path writeTree(String name, ObjectNode root) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        return file;
    }

    private static String sampleText() throws IOException {
        return Files.readString(SAMPLE, StandardCharsets.UTF_8);
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("the sample contains %s", from).isNotNegative();
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    private Path write(String name, String content) throws IOException {
        assertThat(content).as("the copy differs from the sample").isNotEqualTo(sampleText());
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String scriptFromDocument() throws IOException {
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        List<String> body = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            if (!inside && line.strip().equals(FENCE_OPEN)) {
                inside = true;
            } else if (inside && line.strip().equals(FENCE_CLOSE)) {
                return String.join("\n", body) + "\n";
            } else if (inside) {
                body.add(line);
            }
        }
        return fail("%s has no fenced block opened with '%s' and closed with '%s'", DOC, FENCE_OPEN, FENCE_CLOSE);
    }

    private Run python(String... args) {
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private Run run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return fail("cannot start %s: %s", command, e.getMessage());
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("%s did not finish within %d seconds", command, TIMEOUT_SECONDS);
            }
            return new Run(process.exitValue(), output.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for %s", command);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            return fail("cannot read the output of %s: %s", command, e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireOnPath(String tool, String versionArgument) {
        String problem;
        try {
            Process process = new ProcessBuilder(tool, versionArgument)
                    .redirectErrorStream(true)
                    .start();
            readAll(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                problem = "did not answer '" + versionArgument + "' within " + TIMEOUT_SECONDS + " seconds";
            } else if (process.exitValue() != 0) {
                problem = "exited with status " + process.exitValue() + " for '" + versionArgument + "'";
            } else {
                return;
            }
        } catch (IOException e) {
            problem = "is not on the PATH (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "check was interrupted";
        }
        fail(
                "The RECORD.md recipe needs '%s', which %s. Install python3 and openssl (CI does); this test does not skip.",
                tool, problem);
    }
}
