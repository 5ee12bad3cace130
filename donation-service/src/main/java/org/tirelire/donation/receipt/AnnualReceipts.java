package org.tirelire.donation.receipt;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * In January, each organisation that sends annual receipts sends those of the year just over. It runs
 * every day of the month, and on every instance: receipts already issued are not issued again, so a day
 * missed (the service was down) or two instances at once change nothing.
 */
@Component
class AnnualReceipts {

    private static final Logger log = LoggerFactory.getLogger(AnnualReceipts.class);

    private final ReceiptSettingsRepository settings;
    private final ReceiptRegister register;
    private final Clock clock;

    AnnualReceipts(ReceiptSettingsRepository settings, ReceiptRegister register, Clock clock) {
        this.settings = settings;
        this.register = register;
        this.clock = clock;
    }

    @Scheduled(cron = "${tirelire.receipts.annual-cron}", zone = "Europe/Paris")
    void issueLastYears() {
        int lastYear = ReceiptRegister.yearOf(clock.instant()) - 1;
        for (ReceiptSettings organisation : settings.findByModeAndEnabledTrue(ReceiptMode.ANNUAL)) {
            try {
                register.issueAnnual(organisation.organisationId(), lastYear);
            } catch (RuntimeException failed) {
                log.error(
                        "Annual receipts of {} for organisation {} not issued; tried again tomorrow",
                        lastYear,
                        organisation.organisationId(),
                        failed);
            }
        }
    }
}
