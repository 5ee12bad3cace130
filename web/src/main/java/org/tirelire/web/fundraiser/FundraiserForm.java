package org.tirelire.web.fundraiser;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.page.TypedAmount;
import org.tirelire.web.platform.PlatformRequests.FundraiserChanges;
import org.tirelire.web.platform.PlatformRequests.FundraiserSupporter;
import org.tirelire.web.platform.PlatformRequests.NewFundraiser;
import org.tirelire.web.platform.PlatformViews.Fundraiser;

/**
 * A supporter's collection page as typed in the form that opens or edits it. The supporter's name and
 * email are asked only when the page opens ({@link Opening}); the goal is read in the campaign's currency.
 */
public record FundraiserForm(
        @NotBlank(groups = Opening.class, message = "fundraiser.error.name")
        String name,

        @Pattern(groups = Opening.class, regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "fundraiser.error.email")
        String email,

        @NotBlank(message = "fundraiser.error.title") String title,
        String goal,
        String message,
        String team) {

    /** The checks of a page being opened, on top of those of every edit. */
    public interface Opening {}

    public FundraiserForm {
        name = FormInput.text(name);
        email = FormInput.text(email);
        title = FormInput.text(title);
        goal = FormInput.text(goal);
        message = FormInput.text(message);
        team = FormInput.text(team);
    }

    public static FundraiserForm blank() {
        return new FundraiserForm("", "", "", "", "", "");
    }

    /** The page as it stands, to edit: the supporter's email is not shown again. */
    public static FundraiserForm of(Fundraiser page) {
        return new FundraiserForm(
                page.supporterName(),
                "",
                page.title(),
                page.goal() == null
                        ? ""
                        : TypedAmount.typed(page.goal().amount(), page.goal().currency()),
                page.message(),
                page.team());
    }

    /** What only the campaign's currency can tell: whether the goal is an amount. Message keys by field. */
    public Map<String, String> goalErrors(String currency) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            goalMinorUnits(currency);
        } catch (IllegalArgumentException notAnAmount) {
            errors.put("goal", "fundraiser.error.goal");
        }
        return errors;
    }

    /** The body of {@code POST /api/campaigns/{id}/fundraisers}; {@code language} of the supporter's emails. */
    public NewFundraiser toOpening(String currency, String language) {
        return new NewFundraiser(
                new FundraiserSupporter(name, email),
                language,
                title,
                goal(currency),
                message.isBlank() ? null : message,
                team.isBlank() ? null : team);
    }

    /** The body of {@code PATCH /api/fundraisers/{slug}}: an emptied message clears it. */
    public FundraiserChanges toEdit(String currency) {
        return new FundraiserChanges(title, message, goal(currency));
    }

    private @Nullable Money goal(String currency) {
        OptionalLong goal = goalMinorUnits(currency);
        return goal.isPresent() ? Money.of(goal.getAsLong(), currency) : null;
    }

    private OptionalLong goalMinorUnits(String currency) {
        OptionalLong amount = TypedAmount.minorUnits(goal, currency);
        if (amount.isPresent() && amount.getAsLong() <= 0) {
            throw new IllegalArgumentException("a goal must be positive");
        }
        return amount;
    }
}
