package org.tirelire.donation.payment;

import java.util.Optional;

/**
 * What the payment side needs of recurring gifts when a donor gave a new method on a provider's page: whose
 * gift it is (which organisation's credentials verify the provider's word), and where the new method goes.
 * The subscriptions implement it, so the payment package does not depend on them.
 */
public interface SavedMethodChanges {

    /** The organisation of this recurring gift; empty when there is no such gift. */
    Optional<String> organisationOf(String subscriptionId);

    /** The donor saved a new method on the provider's page: the next charges are taken with it. */
    void methodSaved(String subscriptionId, String paymentMethod, String mandate);
}
