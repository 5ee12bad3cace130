package org.tirelire.campaign.campaign;

import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/** A "contrepartie": something offered to donors who give at least {@code minAmount}, up to {@code limit} times. */
public record Reward(
        String id,
        String title,
        @Nullable String description,
        Money minAmount,
        @Nullable Integer limit) {}
