package io.symphainy.runtime.bench.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** The soak's HTTP calls, each answering the response as it came: the soak counts statuses rather than failing. */
final class SoakClient {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    SoakClient(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path, RuntimeProcess.API_KEY).GET());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return post(path, json, RuntimeProcess.API_KEY);
    }

    HttpResponse<String> post(String path, String json, String apiKey) throws IOException, InterruptedException {
        return send(request(path, apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return send(request(path, RuntimeProcess.API_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Uploads a small text file as {@code content.upload}, through multipart/form-data as clients do. */
    HttpResponse<String> upload(String sessionId, String text) throws IOException, InterruptedException {
        String boundary = "soak-" + UUID.randomUUID();
        String body = part(boundary, "session_id", null, sessionId)
                + part(boundary, "file", "soak.txt", text)
                + "--" + boundary + "--\r\n";
        return send(request("/content/upload", RuntimeProcess.API_KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static String part(String boundary, String name, String filename, String value) {
        String disposition = "Content-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: text/plain");
        return "--" + boundary + "\r\n" + disposition + "\r\n\r\n" + value + "\r\n";
    }

    private HttpRequest.Builder request(String path, String apiKey) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).header("X-API-Key", apiKey);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
