package org.tirelire.contracts.events;

/**
 * What concerns an organisation as a whole rather than one of its campaigns; keyed by the organisation.
 * See {@link TirelireEvent} for how consumers handle them.
 */
public sealed interface OrganisationEvent extends TirelireEvent
        permits PaymentAccountChanged, MemberEvent, OrganisationActionTaken, ReceiptIssued, ReceiptCancelled {

    String organisationId();

    @Override
    default String partitionKey() {
        return organisationId();
    }

    /** Calls the handler's method for this event's type. */
    void dispatchTo(Handler handler);

    @Override
    default void dispatchTo(TirelireEvent.Handler handler) {
        dispatchTo((Handler) handler);
    }

    /** One method per type, each ignoring its event unless overridden. */
    interface Handler {

        default void on(PaymentAccountChanged changed) {}

        default void on(MemberInvited invited) {}

        default void on(MemberJoined joined) {}

        default void on(MemberRoleChanged changed) {}

        default void on(MemberRemoved removed) {}

        default void on(OrganisationActionTaken taken) {}

        default void on(ReceiptIssued issued) {}

        default void on(ReceiptCancelled cancelled) {}
    }
}
