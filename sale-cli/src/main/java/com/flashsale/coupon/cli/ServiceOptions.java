package com.flashsale.coupon.cli;

import com.flashsale.coupon.kit.api.Credentials;
import com.flashsale.coupon.kit.api.LocalTarget;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.api.Services;
import com.flashsale.coupon.kit.token.TokenCredentials;
import com.flashsale.coupon.kit.token.TokenIssuer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the services answer and how members and operators prove who they are. */
public final class ServiceOptions {

    @Option(names = "--gateway-url", paramLabel = "URL",
            description = "gateway base URL, loopback only (default: ${DEFAULT-VALUE}, from $GATEWAY_PORT)")
    LocalTarget gateway;

    @Option(names = "--worker-url", paramLabel = "URL",
            description = "worker base URL, loopback only (default: ${DEFAULT-VALUE}, from $WORKER_PORT)")
    LocalTarget worker;

    /** Whether requests carry tokens. */
    public enum Auth {
        jwt, none
    }

    @Option(names = "--auth", paramLabel = "MODE", defaultValue = "jwt",
            description = "jwt: each member's own bearer token and an operator's (scope coupon:admin), signed with the"
                    + " key in --key-dir (default); none: no credentials, for a system in the local mode only")
    Auth auth;

    @Mixin
    TokenOptions tokens;

    private Credentials credentials;

    public LocalTarget gateway() {
        return gateway;
    }

    public LocalTarget worker() {
        return worker;
    }

    /**
     * One set of credentials per command, so a member's token is minted once and kept. A system in the
     * local mode does not look at tokens: sending them there changes nothing.
     */
    public synchronized Credentials credentials() {
        if (credentials == null) {
            credentials = auth == Auth.none ? Credentials.none() : new TokenCredentials(tokens.issuer());
        }
        return credentials;
    }

    /** The key the tokens are signed with, whatever --auth says: for a command that mints tokens of its own. */
    public TokenIssuer tokenIssuer() {
        return tokens.issuer();
    }

    public SaleClient client() {
        return new SaleClient(Services.of(gateway, worker), credentials());
    }

    /** A client of the worker alone, for a command that has no gateway option. */
    public SaleClient workerClient() {
        return new SaleClient(Services.of(worker, worker), credentials());
    }
}
