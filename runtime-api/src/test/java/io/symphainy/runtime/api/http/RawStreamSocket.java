package io.symphainy.runtime.api.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebSocket client on a bare TCP socket with a tiny receive buffer, for a client that stops reading: the standard
 * clients always drain the socket, so they cannot act as a slow consumer.
 */
final class RawStreamSocket implements AutoCloseable {

    /** A frame the server sent: its opcode and payload. */
    record Frame(int opcode, byte[] payload) {

        static final int TEXT = 1;
        static final int CLOSE = 8;

        int closeCode() {
            return payload.length < 2 ? -1 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }

        String text() {
            int from = opcode == CLOSE ? Math.min(2, payload.length) : 0;
            return new String(payload, from, payload.length - from, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket = new Socket();

    /** Opens the stream and reads only the handshake's answer, whose status line it returns. */
    String open(int port, String path, String apiKey) throws IOException {
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", port), 5000);
        String request = "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nX-API-Key: " + apiKey + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.write(next);
        }
        return head.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
    }

    /** Reads every frame until the server closes the connection; fails when it stays open beyond the time given. */
    List<Frame> readUntilClosed(Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        socket.setSoTimeout((int) within.toMillis());
        InputStream in = socket.getInputStream();
        List<Frame> frames = new ArrayList<>();
        try {
            while (true) {
                if (System.nanoTime() > deadline) {
                    throw new SocketTimeoutException("still receiving frames");
                }
                int first = in.read();
                if (first < 0) {
                    return frames;
                }
                int second = readByte(in);
                long length = second & 0x7f;
                if (length == 126) {
                    length = (readByte(in) << 8) | readByte(in);
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | readByte(in);
                    }
                }
                byte[] payload = in.readNBytes((int) length);
                frames.add(new Frame(first & 0x0f, payload));
                if (payload.length < length) {
                    return frames;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new IllegalStateException("the server kept the connection open beyond " + within, stillOpen);
        } catch (IOException reset) {
            return frames;
        }
    }

    private static int readByte(InputStream in) throws IOException {
        int value = in.read();
        if (value < 0) {
            throw new IOException("connection closed within a frame header");
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
