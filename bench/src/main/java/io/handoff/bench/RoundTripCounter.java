package io.handoff.bench;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicLong;

import redis.clients.jedis.JedisSocketFactory;

/**
 * Counts the real network round trips of a Jedis client by watching its sockets: a round trip is a read that follows
 * a write (the client sent something and now waits for the answer). Big pipelines that go out in several writes and
 * come back in several reads still count once, and nothing is assumed from how the store says it reads.
 * Also counts the bytes each way. Adds no hop and no latency: the socket is the client's own.
 */
final class RoundTripCounter implements JedisSocketFactory {
    private final JedisSocketFactory sockets;
    private final AtomicLong roundTrips = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();

    RoundTripCounter(JedisSocketFactory sockets) {
        this.sockets = sockets;
    }

    @Override
    public Socket createSocket() {
        return new CountingSocket(sockets.createSocket());
    }

    long roundTrips() {
        return roundTrips.get();
    }

    long bytesReceived() {
        return bytesReceived.get();
    }

    long bytesSent() {
        return bytesSent.get();
    }

    /** A connected socket that delegates everything Jedis uses and watches the two streams. */
    private final class CountingSocket extends Socket {
        private final Socket socket;
        private volatile boolean sentSinceLastRead;

        CountingSocket(Socket socket) {
            this.socket = socket;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(socket.getInputStream()) {
                @Override
                public int read() throws IOException {
                    replyAwaited();
                    int b = super.read();
                    if (b >= 0) {
                        bytesReceived.incrementAndGet();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    replyAwaited();
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        bytesReceived.addAndGet(n);
                    }
                    return n;
                }
            };
        }

        private void replyAwaited() {
            if (sentSinceLastRead) {
                sentSinceLastRead = false;
                roundTrips.incrementAndGet();
            }
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return new FilterOutputStream(socket.getOutputStream()) {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    sent(1);
                }

                @Override
                public void write(byte[] buffer, int offset, int length) throws IOException {
                    out.write(buffer, offset, length);
                    sent(length);
                }
            };
        }

        private void sent(int bytes) {
            sentSinceLastRead = true;
            bytesSent.addAndGet(bytes);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        @Override
        public SocketAddress getLocalSocketAddress() {
            return socket.getLocalSocketAddress();
        }

        @Override
        public SocketAddress getRemoteSocketAddress() {
            return socket.getRemoteSocketAddress();
        }

        @Override
        public int getSoTimeout() throws SocketException {
            return socket.getSoTimeout();
        }

        @Override
        public void setSoTimeout(int timeout) throws SocketException {
            socket.setSoTimeout(timeout);
        }

        @Override
        public boolean isBound() {
            return socket.isBound();
        }

        @Override
        public boolean isClosed() {
            return socket.isClosed();
        }

        @Override
        public boolean isConnected() {
            return socket.isConnected();
        }

        @Override
        public boolean isInputShutdown() {
            return socket.isInputShutdown();
        }

        @Override
        public boolean isOutputShutdown() {
            return socket.isOutputShutdown();
        }

        @Override
        public String toString() {
            return socket.toString();
        }
    }
}
