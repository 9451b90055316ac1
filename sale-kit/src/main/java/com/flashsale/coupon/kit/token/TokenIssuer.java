package com.flashsale.coupon.kit.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An identity provider in miniature: an RSA key that signs RS256 tokens (header {@code typ: JWT}, as
 * Spring Security 7 checks it) with the issuer and audience the services expect. A member's token
 * names the member as its subject; an operator's carries scope {@code coupon:admin}. The services
 * verify them with their real decoder, so whatever carries these tokens goes the way a member's
 * request goes.
 *
 * <p>Two keys: the development pair {@code scripts/dev-keys.sh} creates ({@link #development}), which
 * {@code AUTH=jwt make run} and compose trust; or a fresh one per test run ({@link #forTests}), whose
 * {@link #serviceProperties()} make a service started by the test trust it. Signing costs about a
 * millisecond: {@link TokenCredentials} mints ahead and keeps one token per member.
 */
public final class TokenIssuer {

    public static final String OPERATOR_SCOPE = "coupon:admin";
    /** What scripts/dev-keys.sh tells the services to expect. */
    public static final String DEVELOPMENT_ISSUER = "flash-sale-dev";
    public static final String AUDIENCE = "coupon-api";
    public static final String TEST_ISSUER = "https://issuer.test/flash-sale";
    /** Long enough for any load test or drill; a token is minted again once it is past half of it. */
    public static final Duration VALIDITY = Duration.ofHours(1);

    private final RSAKey key;
    private final String issuer;
    private final String audience;
    private volatile Path publicKeyFile;

    public TokenIssuer(RSAKey key, String issuer, String audience) {
        if (!key.isPrivate()) {
            throw new IllegalArgumentException("a token issuer needs the private key");
        }
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** A fresh key pair, trusted by whatever is given {@link #serviceProperties()}. */
    public static TokenIssuer forTests() {
        return new TokenIssuer(newKey(), TEST_ISSUER, AUDIENCE);
    }

    /** The development pair's private key ({@code <keyDirectory>/private.pem}) with its issuer and audience. */
    public static TokenIssuer development(Path keyDirectory) {
        return fromPrivateKey(keyDirectory.resolve("private.pem"), DEVELOPMENT_ISSUER, AUDIENCE);
    }

    /**
     * Creates a key pair in {@code directory} as scripts/dev-keys.sh does ({@code private.pem} PKCS#8,
     * {@code public.pem} X.509, both PEM) and answers its issuer: for a test run that starts the services
     * and the command line the way an operator's machine has them.
     */
    public static TokenIssuer createDevelopmentPair(Path directory) {
        RSAKey key = newKey();
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("private.pem"), pem("PRIVATE KEY", key.toRSAPrivateKey().getEncoded()));
            Files.writeString(directory.resolve("public.pem"), pem("PUBLIC KEY", key.toRSAPublicKey().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return development(directory);
    }

    /**
     * A PKCS#8 PEM RSA private key ({@code openssl genpkey}), signing for {@code issuer} and {@code audience}.
     *
     * @throws IllegalStateException when the file is missing or holds no RSA private key
     */
    public static TokenIssuer fromPrivateKey(Path pem, String issuer, String audience) {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("no private key at " + pem + ": create the development pair with "
                    + "'make dev-keys' (scripts/dev-keys.sh), or send no tokens (--auth=none) to a local-mode system");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalStateException(pem + " is not a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)");
        }
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).keyIDFromThumbprint().build();
            return new TokenIssuer(key, issuer, audience);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException | JOSEException e) {
            throw new IllegalStateException(pem + " holds no RSA private key: " + e.getMessage(), e);
        }
    }

    /** A valid token of {@code member}, with no scope. */
    public String member(long member) {
        return sign(claims(Long.toString(member)).build());
    }

    /** A valid operator's token: scope {@code coupon:admin}, a subject that is no member. */
    public String operator() {
        return token("operator", OPERATOR_SCOPE);
    }

    /** A valid token of {@code subject}; {@code scope} (space-separated) or null for none. */
    public String token(String subject, String scope) {
        JWTClaimsSet.Builder claims = claims(subject);
        if (scope != null && !scope.isBlank()) {
            claims.claim("scope", scope);
        }
        return sign(claims.build());
    }

    /** Claims of a valid token for {@code subject}: this issuer, this audience, issued now, valid {@link #VALIDITY}. */
    public JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(VALIDITY)))
                .jwtID(UUID.randomUUID().toString());
    }

    /** RS256 with this issuer's key. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /**
     * The Spring properties under which a service trusts this issuer and asks for tokens: the public key
     * (written once to a temporary file), the issuer and the audience.
     */
    public Map<String, String> serviceProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("coupon.auth.mode", "jwt");
        properties.put("coupon.auth.issuer", issuer);
        properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + publicKeyFile());
        properties.put("spring.security.oauth2.resourceserver.jwt.audiences", audience);
        return properties;
    }

    /** The public key, as the services read it ({@code public-key-location}): X.509 SubjectPublicKeyInfo in PEM. */
    public String publicKeyPem() {
        try {
            return pem("PUBLIC KEY", key.toRSAPublicKey().getEncoded());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    private Path publicKeyFile() {
        if (publicKeyFile == null) {
            synchronized (this) {
                if (publicKeyFile == null) {
                    try {
                        Path file = Files.createTempFile("token-issuer-", ".pem");
                        file.toFile().deleteOnExit();
                        Files.writeString(file, publicKeyPem());
                        publicKeyFile = file;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return publicKeyFile;
    }

    static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
