package com.flashsale.coupon.kit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocalTargetTest {

    @Test
    void acceptsLoopbackAddressesOnly() {
        assertThat(LocalTarget.of("http://127.0.0.1:8080").base()).hasToString("http://127.0.0.1:8080");
        assertThat(LocalTarget.of("http://localhost:8081/").base()).hasToString("http://localhost:8081");
        assertThat(LocalTarget.of("http://127.10.0.3:9000").base()).hasToString("http://127.10.0.3:9000");
        assertThat(LocalTarget.of("http://[::1]:8080").base()).hasToString("http://[::1]:8080");
        assertThat(LocalTarget.port(18080).base()).hasToString("http://127.0.0.1:18080");
        assertThatThrownBy(() -> LocalTarget.of("http://10.0.0.5:8080")).hasMessageContaining("refusing");
    }

    @Test
    void refusesEveryOtherHostWithoutResolvingIt() {
        for (String url : new String[] { "http://10.0.0.5:8080", "http://192.168.1.2:8080", "http://example.com:8080",
                "http://127.0.0.1.example.com:8080", "http://gateway:8080", "http://128.0.0.1:8080",
                "http://127.0.0.256:8080", "http://[::2]:8080" }) {
            assertThatThrownBy(() -> LocalTarget.of(url)).as(url).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesWhatIsNotAnHttpUrl() {
        assertThatThrownBy(() -> LocalTarget.of("127.0.0.1:8080")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalTarget.of("https://localhost:8443")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalTarget.of("http://local host")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takesOnlyHostAndPortWithAPortThatExists() {
        for (String url : new String[] { "http://127.0.0.1", "http://127.0.0.1:0", "http://127.0.0.1:99999",
                "http://127.0.0.1:8080/api", "http://127.0.0.1:8080?x=1", "http://127.0.0.1:8080#top",
                "http://127.0.0.1:8080//" }) {
            assertThatThrownBy(() -> LocalTarget.of(url)).as(url).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("http://host:port");
        }
    }

    @Test
    void refusesUserInfoWithoutRepeatingIt() {
        assertThatThrownBy(() -> LocalTarget.of("http://admin:s3cret@127.0.0.1:8080"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cret")
                .hasMessageContaining("without a user or password");
    }
}
