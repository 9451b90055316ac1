package com.flashsale.coupon.kit.api;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection that posts small JSON bodies and reads the status and body of
 * each answer. Hand-written on purpose: a load generator sharing two cores with the system under
 * test must spend as little CPU per request as wrk does, which a general-purpose client does not.
 * One request at a time (no pipelining), like wrk.
 *
 * <p>It never reconnects by itself: whoever holds it decides, because a request on a connection
 * that broke after sending has an unknown outcome, while one that could not connect did nothing.
 */
final class HttpConnection implements AutoCloseable {

    private final String hostHeader;
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;
    private boolean closedByServer;
    private long lastUsed = System.nanoTime();

    /** Connects now; any failure means nothing was sent. */
    HttpConnection(LocalTarget target, Duration connectTimeout, Duration readTimeout) throws IOException {
        this.hostHeader = target.base().getHost() + ":" + target.port();
        this.socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(target.socketHost(), target.port()), millis(connectTimeout));
            socket.setSoTimeout(millis(readTimeout));
            out = new BufferedOutputStream(socket.getOutputStream(), 4096);
            in = socket.getInputStream();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Posts the body and returns the answer; the connection stays open unless the server said otherwise. */
    Response post(String path, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(160).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(hostHeader).append("\r\nContent-Type: application/json\r\nContent-Length: ").append(body.length)
                .append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        Response response = readResponse();
        lastUsed = System.nanoTime();
        return response;
    }

    /**
     * Whether the next request may go on this connection. A server closes idle keep-alive
     * connections whenever it likes (RFC 9112 §9.3.1), and a POST sent on one it already closed is
     * lost with an unknown outcome: a connection idle for {@code idleCheck} or more is first probed
     * for the server's close (a 1 ms read that must time out, as Apache HttpClient's
     * validate-after-inactivity does).
     */
    boolean reusable(Duration idleCheck) {
        if (closedByServer || socket.isClosed() || start < end) {
            return false;
        }
        if (System.nanoTime() - lastUsed < idleCheck.toNanos()) {
            return true;
        }
        int timeout;
        try {
            timeout = socket.getSoTimeout();
            socket.setSoTimeout(1);
            try {
                // Returns only at the end of the stream (the server closed it) or on unsolicited bytes.
                in.read();
                return false;
            } catch (SocketTimeoutException e) {
                socket.setSoTimeout(timeout);
                return true;
            }
        } catch (IOException e) {
            return false;
        }
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                // Tomcat closes a connection after 100 requests by default: the next one opens a new one, as wrk does.
                closedByServer = true;
            }
        }
        StringBuilder body = new StringBuilder();
        if (chunked) {
            for (int size = Integer.parseInt(readLine().trim(), 16); size > 0; size = Integer.parseInt(readLine().trim(), 16)) {
                body.append(readBytes(size));
                readLine();
            }
            readLine();
        } else if (contentLength > 0) {
            body.append(readBytes((int) contentLength));
        } else if (contentLength < 0) {
            // Neither length nor chunks: the body runs to the end of the connection.
            closedByServer = true;
            body.append(readToEnd());
        }
        return new Response(status, body.toString());
    }

    private String readBytes(int count) throws IOException {
        byte[] bytes = new byte[count];
        int copied = 0;
        while (copied < count) {
            fill();
            int n = Math.min(count - copied, end - start);
            System.arraycopy(buffer, start, bytes, copied, n);
            start += n;
            copied += n;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String readToEnd() throws IOException {
        StringBuilder all = new StringBuilder();
        while (true) {
            if (start == end) {
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    return all.toString();
                }
                start = 0;
                end = n;
            }
            all.append(new String(buffer, start, end - start, StandardCharsets.UTF_8));
            start = end;
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            fill();
            while (start < end) {
                byte b = buffer[start++];
                if (b == '\n') {
                    int length = line.length();
                    return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
                }
                line.append((char) b);
            }
        }
    }

    private void fill() throws IOException {
        if (start < end) {
            return;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            throw new EOFException("connection closed by the server");
        }
        start = 0;
        end = n;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a broken socket: nothing left to release.
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }

    record Response(int status, String body) {
    }
}
