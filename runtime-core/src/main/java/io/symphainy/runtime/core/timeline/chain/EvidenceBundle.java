package io.symphainy.runtime.core.timeline.chain;

import java.util.List;

/**
 * A self-contained, offline-verifiable proof of an execution's events: its chain entries in order and the anchors
 * around them, the tenant's link before the first entry and the link of the last entry.
 */
public record EvidenceBundle(String tenantId, String executionId, String algorithm, String anchorBefore,
                             String anchorAfter, List<EvidenceEntry> entries) {

    /** How to check a bundle, stated in every bundle. */
    public static final String ALGORITHM = "link = sha256_hex(utf8(previous_link + \"\\n\") + utf8(canonical)); "
            + "the first link of a tenant uses 64 zeros as previous_link";
}
