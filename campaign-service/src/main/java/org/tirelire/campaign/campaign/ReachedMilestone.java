package org.tirelire.campaign.campaign;

import java.time.Instant;

/** A milestone that has been announced; kept so that it is never announced twice. */
public record ReachedMilestone(String label, Instant reachedAt) {}
