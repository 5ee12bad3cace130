package org.tirelire.donation.receipt;

import java.util.Arrays;
import java.util.Optional;

/** The articles of the Code général des impôts under which the gifts give right to a reduction. */
public enum TaxArticle {
    /** Income tax, for individuals. */
    ARTICLE_200("200"),
    /** Corporation tax, for companies. */
    ARTICLE_238_BIS("238bis"),
    /** The tax on real-estate wealth (IFI). */
    ARTICLE_978("978");

    private final String code;

    TaxArticle(String code) {
        this.code = code;
    }

    /** As the API names it: {@code 200}, {@code 238bis}, {@code 978}. */
    public String code() {
        return code;
    }

    /** As the certification sentence prints it: {@code 200}, {@code 238 bis}, {@code 978}. */
    public String printed() {
        return code.replace("bis", " bis");
    }

    public static Optional<TaxArticle> ofCode(String code) {
        return Arrays.stream(values())
                .filter(article -> article.code.equals(code))
                .findFirst();
    }
}
