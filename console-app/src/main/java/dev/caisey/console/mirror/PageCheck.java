package dev.caisey.console.mirror;

import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.chain.Signatures;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.export.KeyEntry;
import dev.caisey.record.sync.SyncPage;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a page the server sent may enter the mirror: every event must continue the stored chain (next
 * {@code seq}, {@code prev} = the stored head's hash, its hash over exactly the bytes that arrived, not dated before
 * the one before it, event 1 and only event 1 opening the session, nothing after the close), and every checkpoint must
 * name an event of the page with that event's hash and carry a valid Ed25519 signature by the server's key that this
 * mirror pinned when it first synced. The first problem refuses the whole page, in words a technician can pass on.
 */
final class PageCheck {
    private PageCheck() {}

    /**
     * Checks {@code page} against the stored head of its session ({@code null}: nothing stored yet) and the pinned
     * keys (key id to public key; a page's keys must be among them).
     *
     * @return {@code null} if the page may be stored, else why not
     */
    static Refusal check(SyncPage page, ChainHead head, Map<String, PublicKey> pinned) {
        long seq = head == null ? 0 : head.seq();
        String prev = head == null ? RecordedEvent.GENESIS : head.hash();
        long prevAt = head == null ? 0 : head.at();
        if (page.after() != seq) {
            return new Refusal(
                    page.session(),
                    seq + 1,
                    "the server answered from event " + (page.after() + 1) + " when the mirror asked from event "
                            + (seq + 1));
        }
        boolean closed = false;
        List<RecordedEvent> events = page.events();
        Map<Long, String> hashes = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent e = events.get(i);
            String name = "event " + e.seq() + " (" + e.type().wireName() + ")";
            String problem = null;
            if (closed) {
                problem = name + " follows the session's close";
            } else if (!e.session().equals(page.session())) {
                problem = name + " belongs to session " + e.session();
            } else if (e.seq() != seq + 1) {
                problem = name + " came where event " + (seq + 1) + " was expected";
            } else if (!ChainHead.hashOf(page.rawEvents().get(i)).equals(e.hash())) {
                problem = name + " does not match its own hash: it was changed after it was recorded";
            } else if (!e.prev().equals(prev)) {
                problem = name + " does not follow event " + seq + " (its prev is not that event's hash)";
            } else if (e.at() < prevAt) {
                problem = name + " is dated before the event before it";
            } else if ((e.seq() == 1) != (e.event() instanceof SessionOpened)) {
                problem = e.seq() == 1 ? "event 1 is not session.opened" : name + ": only event 1 opens a session";
            } else if (!e.type().roles().contains(e.actor().role())) {
                problem = name + " is attributed to a " + e.actor().role().wireName() + ", who cannot cause it";
            }
            if (problem != null) {
                return new Refusal(page.session(), e.seq(), problem);
            }
            closed = e.event() instanceof SessionClosed;
            seq = e.seq();
            prev = e.hash();
            prevAt = e.at();
            hashes.put(seq, prev);
        }
        for (KeyEntry key : page.keys()) {
            if (!pinned.containsKey(key.keyId())) {
                return new Refusal(
                        page.session(),
                        seq,
                        "the server signs with key " + key.keyId()
                                + ", not the key this mirror has known it by; the records were refused");
            }
        }
        for (Checkpoint c : page.checkpoints()) {
            String name = "the checkpoint on event " + c.seq();
            PublicKey key = pinned.get(c.keyId());
            if (!c.session().equals(page.session()) || !c.hash().equals(hashes.get(c.seq()))) {
                return new Refusal(page.session(), c.seq(), name + " does not name an event of this page by its hash");
            }
            if (key == null || !Signatures.verify(c, key)) {
                return new Refusal(page.session(), c.seq(), name + " is not signed by the server's key");
            }
        }
        return null;
    }
}
