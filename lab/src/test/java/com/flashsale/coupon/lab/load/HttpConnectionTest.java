package com.flashsale.coupon.lab.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {

    /** Answers every request 200 with a JSON body, and closes each connection after two answers, as Tomcat does after 100. */
    @Test
    void opensANewConnectionWhenTheServerClosedTheLastOne() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> serve(server, connections));
            try (HttpConnection connection = new HttpConnection("127.0.0.1", server.getLocalPort(), "/x")) {
                for (int i = 0; i < 5; i++) {
                    HttpConnection.Answer answer = connection.exchange("{\"memberId\":1}".getBytes(StandardCharsets.US_ASCII));
                    assertThat(answer.status()).isEqualTo(200);
                    assertThat(answer.body()).isEqualTo("{\"ok\":true}");
                }
            }
        }
        assertThat(connections.get()).isEqualTo(3);
    }

    private static void serve(ServerSocket server, AtomicInteger connections) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                connections.incrementAndGet();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream();
                for (int answered = 1; answered <= 2; answered++) {
                    int length = 0;
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        if (line.toLowerCase().startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    in.skip(length);
                    String body = "{\"ok\":true}";
                    out.write(("HTTP/1.1 200 \r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                            + (answered == 2 ? "\r\nConnection: close" : "") + "\r\n\r\n" + body)
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                return;
            }
        }
    }
}
