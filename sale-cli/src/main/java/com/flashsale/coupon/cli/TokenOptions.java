package com.flashsale.coupon.cli;

import com.flashsale.coupon.kit.token.TokenIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The key tokens are signed with and what they claim: the development key pair (scripts/dev-keys.sh),
 * which {@code AUTH=jwt make run} and compose trust, with its issuer and audience.
 */
public final class TokenOptions {

    /** Where scripts/dev-keys.sh creates the pair, under the repository root. */
    static final String DEFAULT_KEY_DIRECTORY = ".local/auth";

    @Option(names = "--key-dir", paramLabel = "DIR", converter = OptionValues.KeyDirectory.class,
            description = "where the development key pair is, private.pem signing (default: ${DEFAULT-VALUE}, from"
                    + " $AUTH_KEY_DIR as scripts/dev-keys.sh reads it)")
    Path keyDirectory;

    @Option(names = "--token-issuer", paramLabel = "ISS", converter = OptionValues.NotBlank.class,
            description = "iss of every token (default: ${DEFAULT-VALUE}, from $AUTH_ISSUER)")
    String issuer;

    @Option(names = "--token-audience", paramLabel = "AUD", converter = OptionValues.NotBlank.class,
            description = "aud of every token (default: ${DEFAULT-VALUE}, the first of $AUTH_AUDIENCES)")
    String audience;

    /** The key that signs, with the issuer and audience the services expect; read from the file on each call. */
    public TokenIssuer issuer() {
        Path key = keyDirectory(Path.of("").toAbsolutePath()).resolve("private.pem");
        if (!Files.exists(key)) {
            throw new IllegalStateException("no private key at " + key.toAbsolutePath() + ": create the development"
                    + " pair with 'make dev-keys' (scripts/dev-keys.sh), give --key-dir DIR (or $AUTH_KEY_DIR) with"
                    + " the directory that holds private.pem, or send no tokens (--auth=none) to a local-mode system");
        }
        return TokenIssuer.fromPrivateKey(key, issuer, audience);
    }

    /**
     * The key directory given, or, for the default relative one missing here, the same directory under the
     * nearest enclosing directory that has it: the repository root, for a command run from one of its
     * modules or folders.
     */
    Path keyDirectory(Path workingDirectory) {
        if (keyDirectory.isAbsolute() || !keyDirectory.equals(Path.of(DEFAULT_KEY_DIRECTORY))
                || Files.isDirectory(workingDirectory.resolve(keyDirectory))) {
            return keyDirectory;
        }
        for (Path dir = workingDirectory.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(keyDirectory))) {
                return dir.resolve(keyDirectory);
            }
        }
        return keyDirectory;
    }
}
