package org.tirelire.donation.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tirelire.donations.admission.*}: shedding gifts while confirmations run late (ADR 39).
 *
 * @param enabled true sheds gifts while confirmations run late; off by default until a refusal costs little
 *     enough on a full machine for shedding to pay (docs/performance.md)
 * @param targetLag how late confirmations may run before gifts are shed
 * @param window how often the lag is looked at and the limit moved
 */
@ConfigurationProperties("tirelire.donations.admission")
public record AdmissionProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("1s") Duration targetLag,
        @DefaultValue("500ms") Duration window) {}
