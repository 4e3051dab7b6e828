package io.symphainy.runtime.api.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 exchange on a bare TCP socket, for requests {@link java.net.http.HttpClient} will not send: bytes
 * that are not UTF-8 in any framing, a Content-Length the body never reaches, a chunked body that stops half-way, a
 * client that writes a few bytes at a time.
 */
final class RawHttpExchange {

    private static final Duration READ_LIMIT = Duration.ofSeconds(15);

    /** What came back: whether every byte was written, the status (-1 when none came) and the head and body. */
    record Outcome(boolean fullySent, int status, String head, String body) {

        boolean answered() {
            return status > 0;
        }

        String header(String name) {
            return head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT)
                    + ":")).map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("");
        }

        @Override
        public String toString() {
            return (fullySent ? "sent, " : "cut, ") + (answered() ? head.lines().findFirst().orElse("") + " "
                    + body.substring(0, Math.min(300, body.length())) : "no answer");
        }
    }

    private RawHttpExchange() {
    }

    /**
     * Writes the parts with the pause between them, closes the sending side when asked (a client that stops) or
     * else just stops writing, and reads the answer until the server closes the connection.
     */
    static Outcome exchange(int port, List<byte[]> parts, Duration pause, boolean closeSending) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 5000);
            socket.setSoTimeout((int) READ_LIMIT.toMillis());
            boolean fullySent = true;
            try {
                for (int i = 0; i < parts.size(); i++) {
                    if (i > 0) {
                        HttpTestSupport.sleep(pause);
                    }
                    socket.getOutputStream().write(parts.get(i));
                    socket.getOutputStream().flush();
                }
                if (closeSending) {
                    socket.shutdownOutput();
                }
            } catch (IOException refusedMidway) {
                fullySent = false;
            }
            return read(socket.getInputStream(), fullySent);
        }
    }

    /** Writes the first bytes of a request and hangs up without waiting for anything. */
    static void abandon(int port, byte[] start, Duration before) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 5000);
            socket.getOutputStream().write(start);
            socket.getOutputStream().flush();
            HttpTestSupport.sleep(before);
        }
    }

    /** Reads one answer: up to the end its Content-Length or last chunk marks, else until the server closes. */
    private static Outcome read(InputStream in, boolean fullySent) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int read = 0;
            while (read >= 0 && !complete(received)) {
                read = in.read(buffer);
                received.write(buffer, 0, Math.max(read, 0));
            }
        } catch (IOException resetOrStillOpen) {
            // What arrived before is still the answer, if a whole status line came.
        }
        String text = received.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Outcome(fullySent, -1, text, "");
        }
        String head = text.substring(0, end);
        String body = text.substring(end + 4);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        return new Outcome(fullySent, Integer.parseInt(head.substring(9, 12)), head,
                new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static boolean complete(ByteArrayOutputStream received) {
        String text = received.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        Outcome head = new Outcome(true, 0, text.substring(0, end), "");
        String length = head.header("Content-Length");
        if (!length.isEmpty()) {
            return text.length() - end - 4 >= Integer.parseInt(length);
        }
        return head.header("Transfer-Encoding").equalsIgnoreCase("chunked") && text.endsWith("0\r\n\r\n");
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                return body.toString();
            }
            int size;
            try {
                size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            } catch (NumberFormatException notAChunk) {
                return body.toString();
            }
            if (size == 0 || lineEnd + 2 + size > chunked.length()) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
