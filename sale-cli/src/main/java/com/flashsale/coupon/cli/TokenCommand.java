package com.flashsale.coupon.cli;

import com.flashsale.coupon.kit.token.TokenIssuer;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A token for curl or a script, signed with the development key (what {@code make token} prints). */
@Command(name = "token", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Print a bearer token signed with the development key pair, which a system started with"
                + " AUTH=jwt (make run) or by compose trusts; valid for one hour.",
                "  sale.jar token --member 42            a member's token: the member is its subject",
                "  sale.jar token --scope coupon:admin   an operator's token",
                "  sale.jar token --members 500          members 1..500's, one a line (what k6 reads: MEMBER_TOKENS)",
                "Then: curl -H \"Authorization: Bearer $(sale.jar token --member 42)\" ...",
                "Exit code: 0 printed, 1 the key could not be read, 2 a wrong command line." })
final class TokenCommand implements Callable<Integer> {

    private static final int MAX_MEMBERS = 100_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--member", paramLabel = "ID", description = "the member the token speaks for (its subject)")
    Long member;

    @Option(names = "--members", paramLabel = "N", description = "a token for each of members 1..N, one a line, in order")
    Integer members;

    @Option(names = "--scope", paramLabel = "SCOPES",
            description = "space-separated scopes; coupon:admin for the operator endpoints")
    String scope;

    @Option(names = "--subject", paramLabel = "SUB", converter = OptionValues.NotBlank.class,
            description = "the subject of a token without --member (default: ${DEFAULT-VALUE}, who the audit trail names)",
            defaultValue = "operator")
    String subject;

    @Mixin
    TokenOptions tokens;

    @Override
    public Integer call() {
        if (members != null) {
            if (members < 1 || members > MAX_MEMBERS || member != null || scope != null) {
                throw new ParameterException(spec.commandLine(), "--members must be 1.." + MAX_MEMBERS + ", alone");
            }
            TokenIssuer issuer = tokens.issuer();
            // Signed in parallel (about a millisecond each), printed in member order.
            IntStream.rangeClosed(1, members).parallel().mapToObj(issuer::member).toList()
                    .forEach(spec.commandLine().getOut()::println);
            spec.commandLine().getOut().flush();
            return 0;
        }
        if (member == null && (scope == null || scope.isBlank())) {
            throw new ParameterException(spec.commandLine(), "give --member ID, --scope SCOPES or both");
        }
        if (member != null && member < 1) {
            throw new ParameterException(spec.commandLine(), "--member must be a member id (1 or more)");
        }
        TokenIssuer issuer = tokens.issuer();
        String token = issuer.token(member == null ? subject : Long.toString(member), scope);
        spec.commandLine().getOut().println(token);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
