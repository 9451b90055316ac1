package com.flashsale.coupon.kit.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashsale.coupon.kit.api.Credentials;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens as the services verify them: signed with the development pair's private key as
 * scripts/dev-keys.sh writes it (PKCS#8 PEM), RS256, {@code typ: JWT}, the issuer and audience the
 * services expect, the member as subject, the operator's scope; one per member, kept.
 */
class TokenIssuerTest {

    @TempDir
    Path keys;

    @Test
    void signsWithTheDevelopmentPrivateKeyWhatItsPublicKeyVerifies() throws Exception {
        KeyPair pair = developmentPair();
        TokenIssuer issuer = TokenIssuer.development(keys);

        SignedJWT member = SignedJWT.parse(issuer.member(42));
        assertThat(member.verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic()))).isTrue();
        assertThat(member.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(member.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(member.getJWTClaimsSet().getSubject()).isEqualTo("42");
        assertThat(member.getJWTClaimsSet().getIssuer()).isEqualTo("flash-sale-dev");
        assertThat(member.getJWTClaimsSet().getAudience()).containsExactly("coupon-api");
        assertThat(member.getJWTClaimsSet().getClaim("scope")).isNull();
        assertThat(member.getJWTClaimsSet().getExpirationTime().toInstant())
                .isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));

        SignedJWT operator = SignedJWT.parse(issuer.operator());
        assertThat(operator.verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic()))).isTrue();
        assertThat(operator.getJWTClaimsSet().getClaim("scope")).isEqualTo("coupon:admin");
        assertThat(issuer.publicKeyPem()).isEqualTo(pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    @Test
    void keepsOneTokenPerMemberMintedAhead() {
        TokenCredentials credentials = new TokenCredentials(TokenIssuer.forTests());
        List<Long> members = LongStream.rangeClosed(1, 20).boxed().toList();

        credentials.prepare(members);
        Set<String> tokens = members.stream().map(credentials::memberToken).collect(Collectors.toSet());

        assertThat(tokens).hasSize(20);
        assertThat(credentials.member(7)).isEqualTo(credentials.member(7))
                .containsEntry(Credentials.AUTHORIZATION, "Bearer " + credentials.memberToken(7));
        assertThat(credentials.operator()).isEqualTo(credentials.operator()).doesNotContainValue("Bearer " + credentials.memberToken(7));
    }

    @Test
    void saysHowToCreateTheKeyWhenItIsMissing() throws Exception {
        assertThatThrownBy(() -> TokenIssuer.development(keys)).hasMessageContaining("make dev-keys")
                .hasMessageContaining(keys.resolve("private.pem").toString());
        Files.writeString(keys.resolve("private.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> TokenIssuer.development(keys)).hasMessageContaining("PKCS#8");
    }

    private KeyPair developmentPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(keys.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        return pair;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
