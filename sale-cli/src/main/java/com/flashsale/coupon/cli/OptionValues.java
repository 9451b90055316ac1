package com.flashsale.coupon.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for options whose values have a range the type alone does not say: a wrong value is a
 * wrong command line (exit code 2, the option named), not an error once a connection is tried.
 */
final class OptionValues {

    /** Redis has 16 databases unless configured otherwise; the services use the default configuration. */
    static final int REDIS_DATABASES = 16;

    private OptionValues() {
    }

    static int port(String value) {
        int port = integer(value, "a port, 1..65535");
        if (port < 1 || port > 65_535) {
            throw new TypeConversionException("'" + value + "' is not a port: 1..65535");
        }
        return port;
    }

    private static int integer(String value, String what) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not " + what);
        }
    }

    /** A TCP port, 1..65535. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return port(value);
        }
    }

    /** A Redis database number, 0..15. */
    static final class RedisDatabase implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int database = integer(value, "a Redis database number, 0.." + (REDIS_DATABASES - 1));
            if (database < 0 || database >= REDIS_DATABASES) {
                throw new TypeConversionException("'" + value + "' is not a Redis database: 0.." + (REDIS_DATABASES - 1));
            }
            return database;
        }
    }

    /** {@code host:port,host:port,...}: the nodes of a Redis Cluster. */
    static final class ClusterNodes implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                return value;
            }
            for (String node : value.split(",")) {
                int colon = node.trim().lastIndexOf(':');
                if (colon < 1) {
                    throw new TypeConversionException("'" + node.trim() + "' is not host:port (expected host:port,...)");
                }
                port(node.trim().substring(colon + 1));
            }
            return value;
        }
    }

    /** Text that says something: a token's subject, issuer or audience cannot be blank. */
    static final class NotBlank implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("'" + value + "' is blank: give a value");
            }
            return value;
        }
    }

    /** A directory, which may not exist yet: the key pair is created there on request. */
    static final class KeyDirectory implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = Path.of(value);
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw new TypeConversionException("'" + value + "' is a file: give the directory that holds private.pem"
                        + (path.getFileName().toString().endsWith(".pem") && path.getParent() != null
                                ? " (" + path.getParent() + ")" : ""));
            }
            return path;
        }
    }
}
