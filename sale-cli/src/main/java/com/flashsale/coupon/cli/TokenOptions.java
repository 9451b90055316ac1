package com.flashsale.coupon.cli;

import com.flashsale.coupon.kit.token.TokenIssuer;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The key tokens are signed with and what they claim: the development key pair (scripts/dev-keys.sh),
 * which {@code AUTH=jwt make run} and compose trust, with its issuer and audience.
 */
public final class TokenOptions {

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
        return TokenIssuer.fromPrivateKey(keyDirectory.resolve("private.pem"), issuer, audience);
    }
}
