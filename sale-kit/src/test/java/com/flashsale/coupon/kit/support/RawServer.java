package com.flashsale.coupon.kit.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that answers at the socket level exactly as a test scripts it: the failures no
 * real HTTP server can be asked for (closing without an answer, closing an idle connection without
 * saying so, never answering).
 */
public final class RawServer implements AutoCloseable {

    private final ServerSocket server;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private RawServer(Script script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread.ofPlatform().daemon().name("raw-server").start(this::accept);
    }

    /** Runs {@code script} on every connection, on its own thread. */
    public static RawServer start(Script script) throws IOException {
        return new RawServer(script);
    }

    public int port() {
        return server.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                int number = connections.incrementAndGet();
                open.add(socket);
                Thread.ofVirtual().start(() -> {
                    try (socket) {
                        script.serve(new Conversation(socket), number);
                    } catch (IOException e) {
                        // The client went away: the conversation is over.
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }

    /** What the server does on one connection (numbered from 1). */
    @FunctionalInterface
    public interface Script {
        void serve(Conversation conversation, int connection) throws IOException;
    }

    /** One connection, read and answered a request at a time. */
    public static final class Conversation {
        private final BufferedReader in;
        private final OutputStream out;

        Conversation(Socket socket) throws IOException {
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            this.out = socket.getOutputStream();
        }

        /** Reads one request (head and body); false when the client closed the connection instead. */
        public boolean readRequest() throws IOException {
            int length = 0;
            String line = in.readLine();
            if (line == null) {
                return false;
            }
            for (; line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            in.skip(length);
            return true;
        }

        public void answer(int status, String body, String... extraHeaders) throws IOException {
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" \r\nContent-Type: application/json\r\n")
                    .append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
            for (String header : extraHeaders) {
                head.append(header).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** The body in chunks, as Tomcat sends an answer whose length it did not know up front. */
        public void answerChunked(int status, String body) throws IOException {
            String half = body.substring(0, body.length() / 2);
            String rest = body.substring(body.length() / 2);
            String text = "HTTP/1.1 " + status + " \r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(half.length()) + "\r\n" + half + "\r\n" + Integer.toHexString(rest.length()) + "\r\n"
                    + rest + "\r\n0\r\n\r\n";
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }
}
