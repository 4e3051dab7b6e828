package io.symphainy.runtime.api.error;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A request body stream that fails once more than a fixed number of bytes has been read, so that bodies without
 * a Content-Length (chunked transfer) cannot exceed the limit either.
 */
class LimitedServletInputStream extends ServletInputStream {

    private static final int END_OF_STREAM = -1;

    private final ServletInputStream delegate;
    private final long maxBytes;
    private long bytesRead;

    LimitedServletInputStream(ServletInputStream delegate, long maxBytes) {
        this.delegate = delegate;
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int value = delegate.read();
        if (value != END_OF_STREAM) {
            count(1);
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = delegate.read(buffer, offset, length);
        if (read > 0) {
            count(read);
        }
        return read;
    }

    @Override
    public boolean isFinished() {
        return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
        return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener readListener) {
        delegate.setReadListener(readListener);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    private void count(int read) throws RequestBodyTooLargeException {
        bytesRead += read;
        if (bytesRead > maxBytes) {
            throw new RequestBodyTooLargeException(maxBytes);
        }
    }
}
