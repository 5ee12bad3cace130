package org.tirelire.donation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Owns donations: idempotent recording, the payment lifecycle, offline gifts, refunds and receipts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DonationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DonationServiceApplication.class, args);
    }
}
