package org.tirelire.web.organiser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.platform.PlatformRequests.NewPoll;

/**
 * A poll as the organiser types it on the campaign page: a question, and its answers one per line (two to
 * six). Its errors show under {@code poll.}.
 */
public record PollForm(String question, String options) {

    static final int MAX_QUESTION_LENGTH = 140;
    static final int MAX_OPTION_LENGTH = 60;

    public PollForm {
        question = FormInput.text(question);
        options = FormInput.text(options);
    }

    public static PollForm blank() {
        return new PollForm("", "");
    }

    /** The answers typed, one per line, blank lines left out. */
    List<String> answers() {
        return options.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    /** Message keys by field: everything is checked here, before campaign-service sees it. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (question.isBlank() || question.length() > MAX_QUESTION_LENGTH) {
            errors.put("poll.question", "poll.error.question");
        }
        List<String> answers = answers();
        boolean distinct = answers.stream().map(String::toLowerCase).distinct().count() == answers.size();
        if (answers.size() < 2
                || answers.size() > 6
                || !distinct
                || answers.stream().anyMatch(answer -> answer.length() > MAX_OPTION_LENGTH)) {
            errors.put("poll.options", "poll.error.options");
        }
        return errors;
    }

    /** The body of {@code POST /api/campaigns/{id}/polls}; call once {@link #errors} found none. */
    public NewPoll toPoll() {
        return new NewPoll(question, answers());
    }
}
