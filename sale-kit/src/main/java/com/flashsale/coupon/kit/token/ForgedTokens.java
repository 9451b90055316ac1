package com.flashsale.coupon.kit.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tokens an attacker would try against services that trust {@link TokenIssuer}: each must be
 * refused with 401 and change nothing. For the security checks; nothing a well-behaved client sends.
 */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    /**
     * Tokens for {@code subject} that prove nothing, by what is wrong with them: every way a bearer token
     * can fail to prove who sent it.
     */
    public static Map<String, String> invalidTokens(TokenIssuer issuer, String subject) {
        Instant now = Instant.now();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("not a JWT", "not-a-jwt");
        tokens.put("expired", issuer.sign(issuer.claims(subject).issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.minus(Duration.ofHours(1)))).build()));
        tokens.put("not yet valid", issuer.sign(issuer.claims(subject).notBeforeTime(Date.from(now.plus(Duration.ofHours(1))))
                .expirationTime(Date.from(now.plus(Duration.ofHours(2)))).build()));
        tokens.put("without expiry", issuer.sign(issuer.claims(subject).expirationTime(null).build()));
        tokens.put("wrong issuer", issuer.sign(issuer.claims(subject).issuer("https://issuer.test/someone-else").build()));
        tokens.put("wrong audience", issuer.sign(issuer.claims(subject).audience("another-api").build()));
        // Who the token speaks for: a member's is the subject, and an operator's names who the audit records.
        tokens.put("without subject", issuer.sign(issuer.claims(subject).subject(null).build()));
        tokens.put("blank subject", issuer.sign(issuer.claims(subject).subject(" ").build()));
        tokens.put("subject with a line break", issuer.sign(issuer.claims(subject).subject(subject + "\nCREATED by someone").build()));
        tokens.put("alg none", unsigned(issuer.claims(subject).build()));
        tokens.put("HS256 signed with the public key", hs256WithThePublicKey(issuer, issuer.claims(subject).build()));
        tokens.put("signed by another key", signedByAnotherKey(issuer.claims(subject).build()));
        tokens.put("payload changed after signing", withPayload(issuer.sign(issuer.claims(subject).build()),
                issuer.claims(subject).claim("scope", TokenIssuer.OPERATOR_SCOPE).build()));
        return tokens;
    }

    /** {@code alg: none}: no signature at all. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** HS256 with the public key (its PEM text, as published) as the HMAC secret: the algorithm confusion attack. */
    public static String hs256WithThePublicKey(TokenIssuer issuer, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new MACSigner(issuer.publicKeyPem().getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RS256 with a key nobody trusts. */
    public static String signedByAnotherKey(JWTClaimsSet claims) {
        return TokenIssuer.sign(claims, TokenIssuer.newKey());
    }

    /** {@code token} with its payload replaced by {@code claims}, its header and signature kept. */
    public static String withPayload(String token, JWTClaimsSet claims) {
        String[] parts = token.split("\\.");
        String payload = Base64URL.encode(claims.toString().getBytes(StandardCharsets.UTF_8)).toString();
        return parts[0] + "." + payload + "." + parts[2];
    }
}
