package com.flashsale.coupon.worker.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import org.junit.jupiter.api.Test;

/** Who the audit trail names: what fits its VARCHAR(200) columns, whatever the token's subject. */
class OperatorsTest {

    @Test
    void namesTheOperatorAsSignedIn() {
        assertThat(Operators.name(() -> "alice")).isEqualTo("alice");
        assertThat(Operators.name(() -> "a".repeat(200))).isEqualTo("a".repeat(200));
    }

    @Test
    void namesNobodySignedInAsLocal() {
        assertThat(Operators.name(null)).isEqualTo("local");
        assertThat(Operators.name(() -> " ")).isEqualTo("local");
        assertThat(Operators.name(() -> null)).isEqualTo("local");
    }

    @Test
    void keepsTheFirst200CharactersOfALongerName() {
        String subject = "b".repeat(199) + "cd" + "e".repeat(300);

        assertThat(Operators.name(() -> subject)).isEqualTo("b".repeat(199) + "c");
    }

    /** MySQL counts a character outside the BMP as one, Java as two: 200 of them fit, and none is cut in half. */
    @Test
    void countsCharactersAsMySqlDoesAndNeverCutsOneInHalf() {
        String face = "\uD83D\uDE00";
        Principal emoji = () -> face.repeat(250);

        assertThat(Operators.name(emoji)).isEqualTo(face.repeat(200));
        assertThat(Operators.name(() -> "x" + face.repeat(250))).isEqualTo("x" + face.repeat(199));
    }
}
