package org.tirelire.web.page;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.support.WebExchangeDataBinder;

/**
 * An HTML form posted as a browser posts it ({@code application/x-www-form-urlencoded}), bound to its
 * record and validated the way {@code @ModelAttribute @Validated} does in the page controllers: the
 * forms' rules are checked in milliseconds, without a server or a service.
 */
public final class FormSubmission {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    /** What a form became: the record, and what Bean Validation refused. */
    public record Bound<T>(T form, BindingResult binding) {}

    private FormSubmission() {}

    /** @param body the form as the browser encodes it, {@code firstName=Ada&amount=2500} */
    @SuppressWarnings("unchecked")
    public static <T> Bound<T> post(Class<T> formType, String body, Class<?>... validationGroups) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(body));
        WebExchangeDataBinder binder = new WebExchangeDataBinder(null, "form");
        binder.setTargetType(ResolvableType.forClass(formType));
        binder.setValidator(new SpringValidatorAdapter(VALIDATION.getValidator()));
        binder.construct(exchange).block();
        binder.validate((Object[]) validationGroups);
        return new Bound<>((T) binder.getTarget(), binder.getBindingResult());
    }
}
