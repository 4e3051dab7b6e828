package io.symphainy.runtime.core.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules a webhook registration must satisfy.
 */
public final class WebhookRules {

    /** The longest URL a tenant may register. */
    public static final int MAX_URL_LENGTH = 2048;

    private WebhookRules() {
    }

    /**
     * Why a URL cannot receive deliveries: it must be an absolute http or https URL with a host, no user info and
     * no fragment.
     *
     * @return the reason, or empty when the URL is acceptable
     */
    public static Optional<String> urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("url must not be blank");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("url must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            return Optional.of("url is not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("url must use http or https");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("url must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("url must not carry user info");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("url must not have a fragment");
        }
        return Optional.empty();
    }
}
