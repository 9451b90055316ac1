package com.flashsale.coupon.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** Header values are accepted or refused exactly as by Spring Security's firewall's default rule. */
class HeaderValuesTest {

    static final List<String> VALUES = List.of("", "application/json", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "a\tb", "a\nb",
            "a\rb", "nul\u0000", "del\u007F", "c1\u0085", "latin-1 é ß", "€ 中文", "emoji \uD83D\uDE00", "unassigned \u0378",
            "lone surrogate \uD800", "private use \uE000", "noncharacter \uFFFF", "format \u200B", "nbsp\u00A0");

    @ParameterizedTest
    @FieldSource("VALUES")
    void acceptsWhatTheFirewallsDefaultRuleAccepts(String value) {
        assertThat(HeaderValues.allowed(value)).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value));
    }
}
