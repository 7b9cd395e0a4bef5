package cn.medins.common.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body read through a counter: the read that would pass the limit throws instead, so that a chunked
 * body (no declared length) is never held beyond its operation's limit.
 */
public final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String holds;
    private long read;

    public LimitedInputStream(InputStream in, long limit, String holds) {
        super(in);
        this.limit = limit;
        this.holds = holds;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, (int) Math.min(len, limit - read + 1));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit - read + 1));
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw BodyTooLargeException.over(limit, "longer than that", holds);
        }
    }
}
