package dev.caisey.record.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.chain.SigningKey;
import dev.caisey.record.json.Json;

/** What a forger holding the sample's signing key can do to an export, for tests of the verifiers' own rules. */
public final class Forgery {
    private Forgery() {}

    /**
     * Recomputes the hashes and links of an export's events from event {@code index} on, and re-signs every checkpoint
     * with the sample key, keeping its {@code at}: after this, only the verifier's rules can catch the change.
     */
    public static void resealFrom(ObjectNode root, int index) {
        ArrayNode events = (ArrayNode) root.get("events");
        for (int i = index; i < events.size(); i++) {
            ObjectNode event = (ObjectNode) events.get(i);
            if (i > 0) {
                event.put("prev", events.get(i - 1).get("hash").textValue());
            }
            event.put("hash", ChainHead.hashOf(event));
        }
        SigningKey key = PrinterSpoolerScenario.sampleKey();
        ArrayNode checkpoints = (ArrayNode) root.get("checkpoints");
        for (int i = 0; i < checkpoints.size(); i++) {
            JsonNode c = checkpoints.get(i);
            long seq = c.get("seq").longValue();
            checkpoints.set(
                    i,
                    Json.tree(key.checkpoint(
                            c.get("session").textValue(),
                            seq,
                            events.get((int) seq - 1).get("hash").textValue(),
                            c.get("at").longValue())));
        }
    }
}
