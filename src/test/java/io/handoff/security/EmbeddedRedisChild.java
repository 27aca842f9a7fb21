package io.handoff.security;

import java.nio.file.Path;

import io.handoff.config.EmbeddedRedis;
import redis.clients.jedis.RedisClient;

/**
 * The app's embedded Redis in a JVM of its own, for {@link EmbeddedRedisOrphanTest} to kill: starts it on the folder
 * given as argument, writes {@code before-the-kill} = the folder's name, prints {@code READY <port> <pid>} and waits.
 */
public final class EmbeddedRedisChild {
    private EmbeddedRedisChild() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        EmbeddedRedis redis = EmbeddedRedis.start(folder);
        try (RedisClient client = RedisClient.create(redis.url())) {
            client.set("before-the-kill", folder.getFileName().toString());
        }
        System.out.println("READY " + redis.port() + " " + redis.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
