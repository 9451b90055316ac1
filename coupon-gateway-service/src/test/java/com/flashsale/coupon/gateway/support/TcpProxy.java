package com.flashsale.coupon.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder between the gateway and Redis that a test can cut and restore, to make Redis
 * unreachable for the gateway only, without touching the Redis server other tests use; or stall and
 * resume, to make Redis silent: connections stay open and bytes wait in the proxy, then go through
 * in order, as over a network that hangs for a while.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean accepting = true;
    private boolean stalled;

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Drops every open connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        accepting = false;
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    public void restore() {
        accepting = true;
    }

    /** Holds every byte in both directions until {@link #resume()}; nothing is lost. */
    public synchronized void stall() {
        stalled = true;
    }

    public synchronized void resume() {
        stalled = false;
        notifyAll();
    }

    private synchronized void awaitFlowing() throws InterruptedException {
        while (stalled) {
            wait();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!accepting) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofVirtual().start(() -> pipe(client, upstream));
                Thread.ofVirtual().start(() -> pipe(upstream, client));
            } catch (IOException e) {
                // server closed, or the upstream refused: the client sees a closed connection
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                awaitFlowing();
                out.write(buffer, 0, n);
            }
        } catch (IOException | InterruptedException e) {
            // one side went away, or the proxy closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
