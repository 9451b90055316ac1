package com.flashsale.coupon.gateway.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script run by its SHA. Redis forgets scripts on restart or failover, and each node of a
 * cluster has a cache of its own, so a {@code NOSCRIPT} answer (the script did not run) is followed
 * by {@code EVAL} of the source, sent where the {@code EVALSHA} went: the node holding the first key,
 * which caches the script again on the way. The SHA is computed locally, so no load is needed before
 * the first call. Spring Data Redis's {@code RedisScript} does the same through a template, which
 * the gateway does not have (see {@link RedisConnections}); Lettuce alone has no such retry. Every
 * key a script touches is in {@code keys}, all of one coupon's hash tag: one slot on a cluster.
 */
public final class LuaScript {

    private final String source;
    private final String sha;

    private LuaScript(String source) {
        this.source = source;
        this.sha = sha1(source);
    }

    public static LuaScript fromClasspath(String path) {
        try (InputStream in = LuaScript.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Lua script not found on the classpath: " + path);
            }
            return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T run(RedisClusterCommands<String, String> redis, ScriptOutputType type, String[] keys,
            String... args) {
        try {
            return redis.evalsha(sha, type, keys, args);
        } catch (RedisNoScriptException e) {
            return redis.eval(source, type, keys, args);
        }
    }

    /** The same, as one of the decision's commands on the request path ({@link RedisConnections#decide}). */
    public <T> T decide(RedisConnections redis, ScriptOutputType type, String[] keys, String... args) {
        try {
            return redis.decide(keys[0], commands -> commands.<T>evalsha(sha, type, keys, args));
        } catch (RedisNoScriptException e) {
            return redis.decide(keys[0], commands -> commands.<T>eval(source, type, keys, args));
        }
    }

    private static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
