package org.tirelire.web.organiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tirelire.identity.api.AccountView;
import org.tirelire.identity.api.BadCredentials;
import org.tirelire.identity.api.EmailAlreadyRegistered;
import org.tirelire.identity.api.OrganiserSignIn;
import org.tirelire.identity.api.SignedInOrganiser;
import org.tirelire.identity.api.TokenResponse;
import org.tirelire.identity.api.TwoFactorSetup;
import org.tirelire.web.page.LanguageSelection;
import org.tirelire.web.session.OrganiserSession;
import reactor.core.publisher.Mono;

/** Signing up and logging in on the pages, the forms bound and checked as in production, rendered in French. */
@WebFluxTest(
        controllers = OrganiserAccountPages.class,
        // As the gateway process sets it: French unless asked otherwise, whatever this machine speaks.
        properties = "spring.messages.fallback-to-system-locale=false")
@Import({
    OrganiserSession.class,
    LanguageSelection.class,
    OrganiserAccountPagesTest.Accounts.class,
    OrganiserAccountPagesTest.NoSecondFactor.class
})
class OrganiserAccountPagesTest {

    @Autowired
    WebTestClient browser;

    @Test
    void each_refused_sign_up_field_is_explained_next_to_it_and_nothing_is_created() {
        EntityExchangeResult<String> page =
                post("/organiser/signup", "email=tresoriere&password=court&organisationName=");

        assertThat(page.getStatus().value()).isEqualTo(422);
        assertThat(page.getResponseBody())
                .contains("Indiquez une adresse e-mail valide.")
                .contains("Le mot de passe doit compter de 8 à 128 caractères.")
                .contains("Indiquez le nom de l’association.")
                .contains("value=\"tresoriere\"")
                .doesNotContain("court");
        assertThat(Accounts.passwords).doesNotContainKey("tresoriere");
    }

    @Test
    void a_sign_up_opens_a_session_in_an_http_only_cookie() {
        EntityExchangeResult<String> answer = post(
                "/organiser/signup",
                "email=nouvelle%40example.org&password=une+phrase+de+passe&organisationName=Les+Amis+du+Canal");

        assertThat(answer.getStatus().is3xxRedirection()).isTrue();
        assertThat(answer.getResponseHeaders().getLocation()).hasToString("/organiser?welcome=1");
        ResponseCookie session = answer.getResponseCookies().getFirst("tirelire_session");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getValue()).isEqualTo("access-nouvelle@example.org");
    }

    @Test
    void an_email_that_has_an_account_is_told_to_log_in() {
        Accounts.passwords.put("deja@example.org", "une phrase de passe");

        EntityExchangeResult<String> page =
                post("/organiser/signup", "email=deja%40example.org&password=une+phrase+de+passe&organisationName=B");

        assertThat(page.getStatus().value()).isEqualTo(422);
        assertThat(page.getResponseBody()).contains("Un compte existe déjà avec cette adresse");
    }

    @Test
    void a_wrong_password_shows_the_login_form_again_with_one_message() {
        Accounts.passwords.put("tresoriere@example.org", "une phrase de passe");

        EntityExchangeResult<String> page =
                post("/organiser/login", "email=tresoriere%40example.org&password=pas+la+bonne");

        assertThat(page.getStatus().value()).isEqualTo(422);
        assertThat(page.getResponseBody())
                .contains("Adresse e-mail ou mot de passe incorrect.")
                .contains("value=\"tresoriere@example.org\"");
        assertThat(page.getResponseCookies()).doesNotContainKey("tirelire_session");
    }

    private EntityExchangeResult<String> post(String path, String form) {
        return browser.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(form)
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }

    /** Identity's port, in memory: accounts by email, tokens that name their owner. */
    static class Accounts implements OrganiserSignIn {

        static final Map<String, String> passwords = new ConcurrentHashMap<>();

        @Override
        public Mono<AccountView> signUp(String email, String password, String organisationName) {
            if (passwords.putIfAbsent(email, password) != null) {
                return Mono.error(new EmailAlreadyRegistered());
            }
            return Mono.just(new AccountView("account-" + email, email, "org-" + email, organisationName));
        }

        @Override
        public Mono<TokenResponse> logIn(
                String email, String password, @Nullable String organisationId, @Nullable String code) {
            return password.equals(passwords.get(email))
                    ? Mono.just(new TokenResponse("access-" + email, "Bearer", 3600, "refresh-" + email, 86_400))
                    : Mono.error(new BadCredentials());
        }

        @Override
        public Mono<TokenResponse> refresh(String refreshToken) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> logOut(String refreshToken) {
            return Mono.empty();
        }

        @Override
        public Mono<SignedInOrganiser> verify(String accessToken) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> confirmPassword(String accessToken, String password) {
            return Mono.error(new BadCredentials());
        }
    }

    /** No account here has a second factor, and no organisation requires one: the login never asks for it. */
    static class NoSecondFactor implements TwoFactorSetup {

        private static <T> Mono<T> notHere() {
            return Mono.error(new IllegalStateException("these accounts have no second factor"));
        }

        @Override
        public Mono<Boolean> enabled(String accessToken) {
            return Mono.just(false);
        }

        @Override
        public Mono<Enrolment> enrol(String accessToken, @Nullable String currentPassword) {
            return notHere();
        }

        @Override
        public Mono<Void> confirm(String accessToken, String code) {
            return notHere();
        }

        @Override
        public Mono<Enrolment> enrolWithSetupToken(String setupToken) {
            return notHere();
        }

        @Override
        public Mono<Void> confirmWithSetupToken(String setupToken, String code) {
            return notHere();
        }

        @Override
        public Mono<Boolean> requiredByOrganisation(String accessToken) {
            return Mono.just(false);
        }

        @Override
        public Mono<Boolean> requireForOrganisation(
                String accessToken, boolean required, @Nullable String currentPassword) {
            return notHere();
        }
    }
}
