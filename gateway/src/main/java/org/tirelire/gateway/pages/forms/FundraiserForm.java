package org.tirelire.gateway.pages.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.util.MultiValueMap;

/** A supporter's collection page as typed in the form that opens or edits it. */
public record FundraiserForm(String name, String email, String title, String goal, String message, String team) {

    public static FundraiserForm blank() {
        return new FundraiserForm("", "", "", "", "", "");
    }

    public static FundraiserForm from(MultiValueMap<String, String> form) {
        return new FundraiserForm(
                Forms.text(form, "name"),
                Forms.text(form, "email"),
                Forms.text(form, "title"),
                Forms.text(form, "goal"),
                Forms.text(form, "message"),
                Forms.text(form, "team"));
    }

    /** Checks what the page can check itself; message keys by field. */
    public Map<String, String> errors(String currency, boolean opening) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (opening && name.isBlank()) {
            errors.put("name", "fundraiser.error.name");
        }
        if (opening && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.put("email", "fundraiser.error.email");
        }
        if (title.isBlank()) {
            errors.put("title", "fundraiser.error.title");
        }
        try {
            goalMinorUnits(currency);
        } catch (IllegalArgumentException notAnAmount) {
            errors.put("goal", "fundraiser.error.goal");
        }
        return errors;
    }

    /** The body of {@code POST /api/campaigns/{id}/fundraisers}; {@code language} of the supporter's emails. */
    public Map<String, Object> toOpening(String currency, String language) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("supporter", Map.of("name", name, "email", email));
        page.put("locale", language);
        page.put("title", title);
        goalMinorUnits(currency).ifPresent(goal -> page.put("goal", Map.of("amount", goal, "currency", currency)));
        if (!message.isBlank()) {
            page.put("message", message);
        }
        if (!team.isBlank()) {
            page.put("team", team);
        }
        return page;
    }

    /** The body of {@code PATCH /api/fundraisers/{slug}}: an emptied message clears it. */
    public Map<String, Object> toEdit(String currency) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("title", title);
        changes.put("message", message);
        goalMinorUnits(currency).ifPresent(goal -> changes.put("goal", Map.of("amount", goal, "currency", currency)));
        return changes;
    }

    private OptionalLong goalMinorUnits(String currency) {
        OptionalLong goal = TypedAmount.minorUnits(goal(), currency);
        if (goal.isPresent() && goal.getAsLong() <= 0) {
            throw new IllegalArgumentException("a goal must be positive");
        }
        return goal;
    }
}
