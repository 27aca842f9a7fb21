package io.handoff.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisURIHelper;
import redis.clients.jedis.util.SafeEncoder;

/**
 * A client of the test Redis over one connection of its own that records the commands it sends, for tests that count
 * round trips. The server's {@code INFO commandstats} would count every client of the shared server, background work
 * of other tests' application contexts included; this sees only the code under test. Close it after the test.
 */
public final class CountingRedisClient extends UnifiedJedis {
    private final RecordingConnection connection;

    private CountingRedisClient(RecordingConnection connection) {
        super(connection);
        this.connection = connection;
    }

    /** A new single-connection client of {@link TestRedis#uri()}. */
    public static CountingRedisClient create() {
        URI uri = TestRedis.uri();
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder()
                .user(JedisURIHelper.getUser(uri)).password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri)).build();
        RecordingConnection connection = new RecordingConnection(JedisURIHelper.getHostAndPort(uri), config);
        connection.startRecording();
        return new CountingRedisClient(connection);
    }

    /** Names of the commands sent since the client was made (after its handshake), in order. */
    public List<String> sent() {
        return connection.sent();
    }

    private static final class RecordingConnection extends Connection {
        // Null until startRecording: Connection's constructor already sends the handshake (HELLO, CLIENT SETINFO).
        private List<String> sent;

        RecordingConnection(HostAndPort server, DefaultJedisClientConfig config) {
            super(server, config);
        }

        @Override
        public void sendCommand(CommandArguments arguments) {
            synchronized (this) {
                if (sent != null) {
                    sent.add(SafeEncoder.encode(arguments.getCommand().getRaw()));
                }
            }
            super.sendCommand(arguments);
        }

        synchronized List<String> sent() {
            return List.copyOf(sent);
        }

        synchronized void startRecording() {
            sent = new ArrayList<>();
        }
    }
}
