package org.tirelire.donation.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tirelire.donations.admission.*}: shedding gifts while confirmations run late (ADR 39).
 *
 * @param enabled true (the default) sheds gifts while confirmations run late; false takes every gift, however
 *     late they are confirmed and counted
 * @param targetLag how late confirmations may run before gifts are shed
 * @param window how often the lag is looked at and the limit moved
 */
@ConfigurationProperties("tirelire.donations.admission")
public record AdmissionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration targetLag,
        @DefaultValue("500ms") Duration window) {}
