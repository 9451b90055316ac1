/**
 * Who a request speaks for, as the services check it: {@link com.flashsale.coupon.kit.token.TokenIssuer}
 * signs RS256 tokens (the development key pair, or a fresh one per test run),
 * {@link com.flashsale.coupon.kit.token.TokenCredentials} puts one per member on every request, and
 * {@link com.flashsale.coupon.kit.token.ForgedTokens} are the tokens an attacker would try.
 */
package com.flashsale.coupon.kit.token;
