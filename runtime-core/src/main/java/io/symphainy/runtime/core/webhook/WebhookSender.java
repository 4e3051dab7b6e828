package io.symphainy.runtime.core.webhook;

import io.symphainy.runtime.core.secret.SecretSealer;
import io.symphainy.runtime.core.secret.SecretUnsealingException;
import io.symphainy.runtime.core.webhook.WebhookDeliveryTable.DueDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works off the webhook outbox. Every poll locks a batch of due deliveries with {@code for update skip locked}, so
 * nodes never send the same delivery at once, POSTs them in parallel with timeouts, and records each outcome in the
 * same transaction: 2xx is delivered, anything else is retried with backoff until the attempts run out.
 */
@Component
public class WebhookSender implements SmartLifecycle {

    /** The delivery id, the same for every attempt. */
    public static final String DELIVERY_HEADER = "X-Symphainy-Delivery";
    /** The event type, e.g. {@code execution.completed}. */
    public static final String EVENT_HEADER = "X-Symphainy-Event";
    /** {@code sha256=} and the hex HMAC-SHA256 of the body. */
    public static final String SIGNATURE_HEADER = "X-Symphainy-Signature";
    /** When the attempt was made, in seconds since the epoch. */
    public static final String TIMESTAMP_HEADER = "X-Symphainy-Timestamp";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookDeliveryTable deliveries;
    private final WebhookProperties properties;
    private final SecretSealer sealer;
    private final TransactionTemplate transactions;
    private final HttpClient client;
    private final Clock clock = Clock.systemUTC();
    private volatile ScheduledExecutorService scheduler;

    WebhookSender(WebhookDeliveryTable deliveries, WebhookProperties properties,
                  PlatformTransactionManager transactionManager, SecretSealer sealer) {
        this.deliveries = deliveries;
        this.sealer = sealer;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void start() {
        if (!properties.senderEnabled()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pollSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Sends due deliveries until none is left; returns how many attempts were made. */
    public int sendDue() {
        int total = 0;
        int sent;
        do {
            sent = poll();
            total += sent;
        } while (sent == properties.batchSize());
        return total;
    }

    private void pollSafely() {
        try {
            sendDue();
        } catch (RuntimeException failure) {
            LOG.warn("Webhook sender poll failed; trying again in {}", properties.pollInterval(), failure);
        }
    }

    private int poll() {
        Integer attempted = transactions.execute(status -> {
            List<DueDelivery> due = deliveries.lockDue(clock.instant(), properties.batchSize());
            List<CompletableFuture<Runnable>> outcomes = new ArrayList<>();
            for (DueDelivery delivery : due) {
                outcomes.add(attempt(delivery));
            }
            outcomes.forEach(outcome -> outcome.join().run());
            return due.size();
        });
        return attempted == null ? 0 : attempted;
    }

    /** Sends one delivery; the future yields the update that records the outcome, run on the polling thread. */
    private CompletableFuture<Runnable> attempt(DueDelivery delivery) {
        if (delivery.endpointMissing()) {
            // The endpoint projection is being rebuilt; the delivery stays due.
            return CompletableFuture.completedFuture(() -> { });
        }
        int attempts = delivery.attempts() + 1;
        if (delivery.endpointRemoved()) {
            return CompletableFuture.completedFuture(() -> deliveries.markFailed(delivery.deliveryId(), attempts - 1,
                    null, "webhook removed", clock.instant()));
        }
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        String secret;
        try {
            secret = sealer.unseal(delivery.secret(), WebhookSecrets.context(delivery.webhookId()));
        } catch (SecretUnsealingException unopened) {
            return CompletableFuture.completedFuture(() -> failed(delivery, attempts, null,
                    "signing secret: " + unopened.getMessage()));
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(properties.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Symphainy-Webhooks/1")
                    .header(DELIVERY_HEADER, delivery.deliveryId().toString())
                    .header(EVENT_HEADER, delivery.eventType().wireName())
                    .header(SIGNATURE_HEADER, WebhookSignatures.sign(secret, body))
                    .header(TIMESTAMP_HEADER, Long.toString(clock.instant().getEpochSecond()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException unusableUrl) {
            return CompletableFuture.completedFuture(() -> failed(delivery, attempts, null,
                    "unusable url: " + unusableUrl.getMessage()));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        return () -> failed(delivery, attempts, null, describe(cause));
                    }
                    int code = response.statusCode();
                    if (code >= 200 && code < 300) {
                        return () -> deliveries.markDelivered(delivery.deliveryId(), attempts, code, clock.instant());
                    }
                    return () -> failed(delivery, attempts, code, "HTTP " + code);
                });
    }

    private void failed(DueDelivery delivery, int attempts, Integer statusCode, String error) {
        Instant now = clock.instant();
        Optional<Instant> next = WebhookRetryRules.nextAttempt(attempts, now, properties);
        if (next.isPresent()) {
            deliveries.markRetry(delivery.deliveryId(), attempts, statusCode, error, now, next.get());
        } else {
            LOG.info("Webhook delivery {} to {} failed for good after {} attempts: {}", delivery.deliveryId(),
                    delivery.webhookId(), attempts, error);
            deliveries.markFailed(delivery.deliveryId(), attempts, statusCode, error, now);
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
