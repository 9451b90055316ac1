package com.flashsale.coupon.gateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.testsupport.ApiClient;
import com.flashsale.coupon.testsupport.ApiClient.Answer;
import com.flashsale.coupon.gateway.support.GatewayTestProperties;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A gateway whose Redis cannot be reached answers 503 at once instead of hanging. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "coupon.relay.enabled=false")
class RedisOutageIntegrationTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws IOException {
        GatewayTestProperties.register(registry);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("coupon.redis.port", () -> closedPort);
    }

    @Test
    void answersServiceUnavailableQuicklyWhenRedisIsUnreachable() {
        long started = System.nanoTime();

        Answer answer = new ApiClient(port).issue("FLASH100", 1);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.code()).isEqualTo("COMMON-002");
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    }
}
