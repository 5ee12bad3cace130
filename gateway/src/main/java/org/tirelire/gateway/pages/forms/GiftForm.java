package org.tirelire.gateway.pages.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The giving form as the donor filled it in, kept as typed so that it can be shown again with the
 * errors next to their fields. {@code key} is the Idempotency-Key made when the form was first shown:
 * sending the same form twice (a double click, a reload) gives once.
 *
 * @param amount the chosen suggested amount in minor units, or {@code other} for {@code otherAmount}
 */
public record GiftForm(
        String key,
        String amount,
        String otherAmount,
        String reward,
        String firstName,
        String lastName,
        String email,
        String message,
        boolean anonymous,
        boolean newsConsent,
        String fundraiser,
        String paymentMethod) {

    public static GiftForm blank(@Nullable String reward, @Nullable String fundraiser, String amount) {
        return new GiftForm(
                UUID.randomUUID().toString(),
                amount,
                "",
                reward == null ? "" : reward,
                "",
                "",
                "",
                "",
                false,
                false,
                fundraiser == null ? "" : fundraiser,
                "");
    }

    public static GiftForm from(MultiValueMap<String, String> form) {
        String key = Forms.text(form, "key");
        return new GiftForm(
                key.matches("[A-Za-z0-9-]{8,64}") ? key : UUID.randomUUID().toString(),
                Forms.text(form, "amount"),
                Forms.text(form, "otherAmount"),
                Forms.text(form, "reward"),
                Forms.text(form, "firstName"),
                Forms.text(form, "lastName"),
                Forms.text(form, "email"),
                Forms.text(form, "message"),
                Forms.checked(form, "anonymous"),
                Forms.checked(form, "newsConsent"),
                Forms.text(form, "fundraiser"),
                Forms.text(form, "paymentMethod"));
    }

    /** The amount the donor chose, in minor units: a typed amount wins over a suggested one. */
    public OptionalLong minorUnits(String currency) {
        OptionalLong typed = TypedAmount.minorUnits(otherAmount, currency);
        if (typed.isPresent() || "other".equals(amount)) {
            return typed;
        }
        return amount.matches("\\d{1,12}") ? OptionalLong.of(Long.parseLong(amount)) : OptionalLong.empty();
    }

    /** The body of {@code POST /api/donations}. */
    public Map<String, Object> toDonation(String campaignId, long amountMinorUnits, String currency, String language) {
        Map<String, Object> gift = new LinkedHashMap<>();
        gift.put("campaignId", campaignId);
        gift.put("amount", Map.of("amount", amountMinorUnits, "currency", currency));
        gift.put("donor", Map.of("firstName", firstName, "lastName", lastName, "email", email));
        gift.put("anonymous", anonymous);
        gift.put("newsConsent", newsConsent);
        gift.put("paymentMethod", paymentMethod);
        gift.put("locale", language);
        if (!message.isBlank()) {
            gift.put("message", message);
        }
        if (!reward.isBlank()) {
            gift.put("rewardId", reward);
        }
        if (!fundraiser.isBlank()) {
            gift.put("fundraiser", fundraiser);
        }
        return gift;
    }
}
