package io.handoff.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.args.Rawable;
import redis.clients.jedis.providers.PooledConnectionProvider;
import redis.clients.jedis.util.JedisURIHelper;
import redis.clients.jedis.util.SafeEncoder;

/**
 * A pooled client of the test Redis, safe for a whole application (make it the application's {@code UnifiedJedis}
 * bean in a test), that records every network round trip: the commands sent before the client waited for their
 * replies (a pipeline's commands are one round trip) and the thread that waited. A test reads the round trips one
 * request made on its own thread, which background work of the application on other threads does not disturb.
 */
public final class RoundTripRecorder {
    /** One round trip: the thread that made it and its commands, each as its name and first argument. */
    public record RoundTrip(String thread, List<String> commands) {
    }

    private final List<RoundTrip> trips = new ArrayList<>();
    /** A command (name and first argument) whose sending {@link #beforeSending} waits for, and what runs first. */
    private String awaited;
    private Runnable first;

    /** A new client over connections of the test Redis that record into this recorder. */
    public UnifiedJedis client() {
        URI uri = TestRedis.uri();
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder()
                .user(JedisURIHelper.getUser(uri)).password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri)).build();
        HostAndPort server = JedisURIHelper.getHostAndPort(uri);
        ConnectionFactory connections = new ConnectionFactory(server, config) {
            @Override
            public PooledObject<Connection> makeObject() {
                return new DefaultPooledObject<>(new RecordingConnection(server, config));
            }
        };
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(16);
        return RedisClient.builder().clientConfig(config)
                .connectionProvider(new PooledConnectionProvider(connections, pool)).build();
    }

    /** How many round trips were recorded so far (a mark to read the ones after it with {@link #since}). */
    public synchronized int mark() {
        return trips.size();
    }

    /** The round trips recorded after {@code mark} by threads whose name the filter accepts, in order. */
    public synchronized List<RoundTrip> since(int mark, Predicate<String> thread) {
        return trips.subList(mark, trips.size()).stream().filter(trip -> thread.test(trip.thread())).toList();
    }

    /**
     * Runs {@code action} once, on the sending thread, just before a command whose name and first argument are
     * {@code command} (e.g. {@code "HSET handoff:{acme}:platform-choice"}) is sent: what another client does between
     * two of the application's commands. The action may use this client's connections too.
     */
    public synchronized void beforeSending(String command, Runnable action) {
        awaited = command;
        first = action;
    }

    private synchronized Runnable takeActionBefore(String command) {
        if (first == null || !command.equals(awaited)) {
            return null;
        }
        Runnable action = first;
        first = null;
        awaited = null;
        return action;
    }

    private synchronized void record(RoundTrip trip) {
        trips.add(trip);
    }

    private final class RecordingConnection extends Connection {
        // Null until constructed: Connection's constructor already sends the handshake (HELLO, CLIENT SETINFO).
        private List<String> pending;

        RecordingConnection(HostAndPort server, DefaultJedisClientConfig config) {
            super(server, config);
            pending = new ArrayList<>();
        }

        @Override
        public void sendCommand(CommandArguments arguments) {
            if (pending != null) {
                StringBuilder command = new StringBuilder(SafeEncoder.encode(arguments.getCommand().getRaw()));
                if (arguments.size() > 1) {
                    Rawable first = arguments.get(1);
                    command.append(' ').append(SafeEncoder.encode(first.getRaw()));
                }
                pending.add(command.toString());
                Runnable action = takeActionBefore(command.toString());
                if (action != null) {
                    action.run();
                }
            }
            super.sendCommand(arguments);
        }

        @Override
        protected void flush() {
            if (pending != null && !pending.isEmpty()) {
                record(new RoundTrip(Thread.currentThread().getName(), List.copyOf(pending)));
                pending.clear();
            }
            super.flush();
        }
    }
}
