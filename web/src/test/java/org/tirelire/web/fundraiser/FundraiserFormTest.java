package org.tirelire.web.fundraiser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.groups.Default;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.money.Money;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.page.FormSubmission;
import org.tirelire.web.page.FormSubmission.Bound;
import org.tirelire.web.platform.PlatformRequests.FundraiserChanges;
import org.tirelire.web.platform.PlatformRequests.NewFundraiser;

class FundraiserFormTest {

    @Test
    void opening_a_page_asks_for_the_supporters_name_and_email() {
        Bound<FundraiserForm> posted = FormSubmission.post(
                FundraiserForm.class, "name=&email=nobody&title=", Default.class, FundraiserForm.Opening.class);

        assertThat(FormInput.errors(posted.binding()))
                .containsOnlyKeys("name", "email", "title")
                .containsEntry("email", "fundraiser.error.email");
    }

    @Test
    void editing_a_page_asks_only_for_a_title_since_the_form_has_no_name_or_email() {
        Bound<FundraiserForm> posted = FormSubmission.post(FundraiserForm.class, "title=Je+cours+pour+la+p%C3%A9niche");

        assertThat(FormInput.errors(posted.binding())).isEmpty();
    }

    @Test
    void the_goal_is_read_in_the_campaigns_currency_and_an_emptied_message_clears_it() {
        FundraiserForm form = FormSubmission.post(
                        FundraiserForm.class,
                        "name=L%C3%A9a&email=lea%40example.org&title=Mon+marathon&goal=300&message=&team=Les+rameurs",
                        Default.class,
                        FundraiserForm.Opening.class)
                .form();

        NewFundraiser opening = form.toOpening("EUR", "fr");
        FundraiserChanges edit = form.toEdit("EUR");

        assertThat(opening.goal()).isEqualTo(Money.of(30_000, "EUR"));
        assertThat(opening.message()).isNull();
        assertThat(opening.team()).isEqualTo("Les rameurs");
        assertThat(edit.message()).isEmpty();
        assertThat(form.goalErrors("EUR")).isEmpty();
        assertThat(FundraiserForm.blank().goalErrors("EUR"))
                .as("a goal is optional")
                .isEmpty();
    }

    @Test
    void a_goal_of_nothing_or_in_words_is_refused() {
        assertThat(FormSubmission.post(FundraiserForm.class, "title=t&goal=0")
                        .form()
                        .goalErrors("EUR"))
                .containsEntry("goal", "fundraiser.error.goal");
        assertThat(FormSubmission.post(FundraiserForm.class, "title=t&goal=trois+cents")
                        .form()
                        .goalErrors("EUR"))
                .containsEntry("goal", "fundraiser.error.goal");
    }
}
