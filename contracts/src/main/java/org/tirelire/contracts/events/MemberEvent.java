package org.tirelire.contracts.events;

/**
 * Who belongs to an organisation, and in which role: published by the identity module, keyed by the
 * organisation, about one member (the CloudEvent's subject).
 */
public sealed interface MemberEvent extends OrganisationEvent
        permits MemberInvited, MemberJoined, MemberRoleChanged, MemberRemoved {

    String memberId();

    /** The member's email: where an invitation goes, whom the administrators are told about. */
    String email();
}
