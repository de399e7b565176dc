package dev.caisey.record.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which commands an organisation's client must approve before they run. Written in lower case. */
public enum ApprovalPolicy {
    /** No command needs approval (the technician may still ask). */
    NONE,
    /** Commands the server's risk rules mark as risky need approval. */
    RISKY,
    /** Every command needs approval. */
    ALL;

    /** The wire form, in lower case. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for its wire form. */
    @JsonCreator
    public static ApprovalPolicy ofWireName(String name) {
        return WireNames.of(ApprovalPolicy.class, name, "approvalPolicy");
    }
}
