package io.symphainy.runtime.api.error;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Exposes the request body only through a {@link LimitedServletInputStream}, whether it is read as bytes or as
 * characters.
 */
class BodyLimitedRequest extends HttpServletRequestWrapper {

    private final long maxBytes;
    private LimitedServletInputStream inputStream;
    private BufferedReader reader;

    BodyLimitedRequest(HttpServletRequest request, long maxBytes) {
        super(request);
        this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        // One counting stream per request, so that repeated calls cannot reset the count.
        if (inputStream == null) {
            inputStream = new LimitedServletInputStream(super.getInputStream(), maxBytes);
        }
        return inputStream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset()));
        }
        return reader;
    }

    private Charset charset() throws UnsupportedEncodingException {
        String encoding = getCharacterEncoding();
        if (encoding == null) {
            // The servlet specification's default for bodies that declare no charset.
            return StandardCharsets.ISO_8859_1;
        }
        try {
            return Charset.forName(encoding);
        } catch (IllegalArgumentException unknown) {
            throw new UnsupportedEncodingException(encoding);
        }
    }
}
