package com.flashsale.coupon.gateway.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A Lua script run by its SHA. Redis forgets scripts on restart or failover, so a {@code NOSCRIPT}
 * answer loads it again and retries once; the SHA is computed locally, so no load is needed
 * before the first call. Spring Data Redis's {@code RedisScript} does the same through a template,
 * which the gateway does not have (see {@link RedisConnections}); Lettuce alone has no such retry.
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

    public <T> T run(RedisCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
        return run(sha -> redis.evalsha(sha, type, keys, args), redis::scriptLoad);
    }

    /** The same, as one of the decision's commands on the request path ({@link RedisConnections#decide}). */
    public <T> T decide(RedisConnections redis, ScriptOutputType type, String[] keys, String... args) {
        return run(sha -> redis.decide(commands -> commands.<T>evalsha(sha, type, keys, args)),
                script -> redis.decide(commands -> commands.scriptLoad(script)));
    }

    private <T> T run(Function<String, T> evalsha, Consumer<String> scriptLoad) {
        try {
            return evalsha.apply(sha);
        } catch (RedisNoScriptException e) {
            scriptLoad.accept(source);
            return evalsha.apply(sha);
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
