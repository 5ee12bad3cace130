package org.tirelire.web.organiser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PollFormTest {

    @Test
    void the_answers_typed_one_per_line_become_the_poll_s_options_blank_lines_left_out() {
        PollForm form = new PollForm(" Quelle chanson ensuite ? ", "La Mer\r\n\n  Syracuse \nLes Champs-Élysées\n");

        assertThat(form.errors()).isEmpty();
        assertThat(form.toPoll().question()).isEqualTo("Quelle chanson ensuite ?");
        assertThat(form.toPoll().options()).containsExactly("La Mer", "Syracuse", "Les Champs-Élysées");
    }

    @Test
    void a_missing_question_one_answer_seven_answers_or_the_same_answer_twice_are_named() {
        assertThat(new PollForm("", "Oui\nNon").errors()).containsOnlyKeys("poll.question");
        assertThat(new PollForm("Oui ?", "Oui").errors()).containsOnlyKeys("poll.options");
        assertThat(new PollForm("Quel jour ?", "lundi\nmardi\nmercredi\njeudi\nvendredi\nsamedi\ndimanche").errors())
                .containsOnlyKeys("poll.options");
        assertThat(new PollForm("Quel dessert ?", "Tarte\ntarte").errors()).containsOnlyKeys("poll.options");
    }
}
