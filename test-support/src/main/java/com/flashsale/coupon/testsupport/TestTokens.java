package com.flashsale.coupon.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An identity provider for tests: a fresh RSA key pair, the properties that make a service trust it,
 * and real RS256 tokens signed with it (header {@code typ: JWT}), so a test goes through the service's
 * real decoder. Also the tokens an attacker would try: unsigned, signed with the public key as an HMAC
 * secret, signed by another key, or with a changed payload.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test/flash-sale";
    public static final String AUDIENCE = "coupon-api";
    public static final String OPERATOR_SCOPE = "coupon:admin";

    private final RSAKey key;
    private final Path publicKeyFile;

    public TestTokens() {
        this.key = newKey();
        try {
            this.publicKeyFile = Files.createTempFile("test-issuer-", ".pem");
            publicKeyFile.toFile().deleteOnExit();
            Files.writeString(publicKeyFile, publicKeyPem());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Spring properties under which a service trusts these tokens and asks for them. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("coupon.auth.mode", "jwt");
        properties.put("coupon.auth.issuer", ISSUER);
        properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + publicKeyFile);
        properties.put("spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
        return properties;
    }

    /** A valid token of {@code member} for five minutes, with no scope. */
    public String member(long member) {
        return sign(claims(Long.toString(member)).build());
    }

    /** A valid operator's token: scope {@code coupon:admin}, a subject that is no member. */
    public String operator() {
        return sign(claims("operator").claim("scope", OPERATOR_SCOPE).build());
    }

    /**
     * Tokens for {@code subject} a service must refuse with 401, by what is wrong with them: every way a
     * bearer token can fail to prove who sent it.
     */
    public Map<String, String> invalidTokens(String subject) {
        Instant now = Instant.now();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("not a JWT", "not-a-jwt");
        tokens.put("expired", sign(claims(subject).issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.minus(Duration.ofHours(1)))).build()));
        tokens.put("not yet valid", sign(claims(subject).notBeforeTime(Date.from(now.plus(Duration.ofHours(1))))
                .expirationTime(Date.from(now.plus(Duration.ofHours(2)))).build()));
        tokens.put("without expiry", sign(claims(subject).expirationTime(null).build()));
        tokens.put("wrong issuer", sign(claims(subject).issuer("https://issuer.test/someone-else").build()));
        tokens.put("wrong audience", sign(claims(subject).audience("another-api").build()));
        tokens.put("alg none", unsigned(claims(subject).build()));
        tokens.put("HS256 signed with the public key", hs256WithThePublicKey(claims(subject).build()));
        tokens.put("signed by another key", signWithAnotherKey(claims(subject).build()));
        tokens.put("payload changed after signing", withPayload(sign(claims(subject).build()),
                claims(subject).claim("scope", OPERATOR_SCOPE).build()));
        return tokens;
    }

    /** Claims of a valid token for {@code subject}: this issuer, this audience, issued now, valid five minutes. */
    public JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString());
    }

    /** RS256 with this provider's key. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /** RS256 with a key nobody trusts. */
    public String signWithAnotherKey(JWTClaimsSet claims) {
        return sign(claims, newKey());
    }

    /** {@code alg: none}: no signature at all. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** HS256 with the public key (its PEM text, as published) as the HMAC secret: the algorithm confusion attack. */
    public String hs256WithThePublicKey(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new MACSigner(publicKeyPem().getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code token} with its payload replaced by {@code claims}, its header and signature kept. */
    public static String withPayload(String token, JWTClaimsSet claims) {
        String[] parts = token.split("\\.");
        String payload = Base64URL.encode(claims.toString().getBytes(StandardCharsets.UTF_8)).toString();
        return parts[0] + "." + payload + "." + parts[2];
    }

    public String publicKeyPem() {
        try {
            return "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(key.toRSAPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
