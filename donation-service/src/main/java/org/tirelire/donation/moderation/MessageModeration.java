package org.tirelire.donation.moderation;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whether a donor's message waits for the organisation before it shows: it does when it contains one of the
 * organisation's held words. The lists are read once a minute at most per instance: a gift costs no extra
 * database read, and a changed list applies within the minute.
 */
@Component
public class MessageModeration {

    public static final int MOST_WORDS = 100;
    static final Duration KEPT_FOR = Duration.ofMinutes(1);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]{1,39}");

    private record Known(List<String> words, Instant readAt) {}

    private final HeldWordsRepository lists;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public MessageModeration(HeldWordsRepository lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    /** The held word this message contains, if any: why it waits. */
    public Optional<String> heldFor(String organisationId, @Nullable String message) {
        return message == null || message.isBlank() ? Optional.empty() : heldFor(wordsOf(organisationId), message);
    }

    /** The first of these words the message contains as a whole word, whatever its case and accents. */
    static Optional<String> heldFor(List<String> words, String message) {
        String text = " " + folded(message).replaceAll("[^\\p{L}\\p{N}'’-]+", " ") + " ";
        return words.stream()
                .filter(word -> text.contains(" " + folded(word) + " "))
                .findFirst();
    }

    public List<String> wordsOf(String organisationId) {
        Instant now = clock.instant();
        Known cached = known.get(organisationId);
        if (cached != null && cached.readAt().plus(KEPT_FOR).isAfter(now)) {
            return cached.words();
        }
        List<String> words =
                lists.findById(organisationId).map(HeldWords::words).orElse(List.of());
        known.put(organisationId, new Known(words, now));
        return words;
    }

    /**
     * The organisation's list anew, each word as typed but lower case and once.
     *
     * @throws NotAHeldWord naming the first word that is not one (a space, a sign, too short)
     */
    public List<String> replace(String organisationId, List<String> typed) {
        List<String> words = new ArrayList<>();
        for (String word : typed) {
            String clean = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
            if (!WORD.matcher(clean).matches()) {
                throw new NotAHeldWord("\"" + word + "\" is not a word of 2 to 40 letters or digits");
            }
            if (!words.contains(clean)) {
                words.add(clean);
            }
        }
        if (words.size() > MOST_WORDS) {
            throw new NotAHeldWord("At most " + MOST_WORDS + " words");
        }
        lists.save(new HeldWords(organisationId, List.copyOf(words)));
        known.remove(organisationId);
        return List.copyOf(words);
    }

    /** Lower case without accents: "Arnaque" and "ARNAQUÉ" hold the same message as "arnaque". */
    static String folded(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }
}
