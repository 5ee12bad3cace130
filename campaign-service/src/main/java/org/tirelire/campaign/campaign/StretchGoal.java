package org.tirelire.campaign.campaign;

import org.tirelire.contracts.money.Money;

/** A further target beyond the goal, announced as a milestone when reached. */
public record StretchGoal(Money amount, String label) {}
