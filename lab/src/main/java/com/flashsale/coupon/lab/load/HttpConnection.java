package com.flashsale.coupon.lab.load;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that posts small JSON bodies and reads the status and body of
 * each answer. Hand-written on purpose: a load generator sharing two cores with the system under
 * test must spend as little CPU per request as wrk does, which a general-purpose client does not.
 * One request at a time per connection (no pipelining), like wrk. When the server closes the
 * connection after an answer ({@code Connection: close}, as Tomcat does every 100 requests by
 * default), the next request opens a new one, as wrk does.
 */
public final class HttpConnection implements AutoCloseable {

    private final String host;
    private final int port;
    private final byte[] head;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private boolean closedByServer;
    private final byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;

    public HttpConnection(String host, int port, String path) throws IOException {
        this.host = host;
        this.port = port;
        this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
        open();
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(30_000);
        out = new BufferedOutputStream(socket.getOutputStream(), 4096);
        in = socket.getInputStream();
        start = 0;
        end = 0;
        closedByServer = false;
    }

    /** Posts the body and returns the answer's status; the answer body is read and discarded. */
    public int post(byte[] body) throws IOException {
        return exchange(body).status();
    }

    /** Posts the body and returns status and body. */
    public Answer exchange(byte[] body) throws IOException {
        if (closedByServer) {
            socket.close();
            open();
        }
        out.write(head);
        out.write(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
        out.write('\r');
        out.write('\n');
        out.write('\r');
        out.write('\n');
        out.write(body);
        out.flush();
        return readAnswer();
    }

    private Answer readAnswer() throws IOException {
        String statusLine = readLine();
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
                closedByServer = true;
            }
        }
        StringBuilder body = new StringBuilder();
        if (chunked) {
            for (int size = Integer.parseInt(readLine().trim(), 16); size > 0;
                    size = Integer.parseInt(readLine().trim(), 16)) {
                body.append(readBytes(size));
                readLine();
            }
            readLine();
        } else if (contentLength > 0) {
            body.append(readBytes((int) contentLength));
        }
        return new Answer(status, body.toString());
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
    public void close() throws IOException {
        socket.close();
    }

    public record Answer(int status, String body) {
    }
}
