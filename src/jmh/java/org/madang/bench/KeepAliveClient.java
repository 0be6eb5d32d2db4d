package org.madang.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 connection kept open, for load drivers. It sends GETs and JSON POSTs and reads each whole response (by
 * its length or its chunks) without decoding it: java.net.http spent more of the machine's two cores than the server
 * it measured, so the driver's own cost hid the server's. Not a general client: no TLS, no redirects.
 */
final class KeepAliveClient implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final StringBuilder line = new StringBuilder();
    private final String credentials;

    /** A client of {@code base}, signed out, or signed in with a bearer token when one is given. */
    KeepAliveClient(URI base, String bearerToken) {
        host = base.getHost();
        port = base.getPort();
        credentials = bearerToken == null ? "" : "Authorization: Bearer " + bearerToken + "\r\n";
    }

    /** GETs the path and returns the status code; the body is read in full and dropped. */
    int get(String path) throws IOException {
        return send("GET " + path, null, credentials);
    }

    /**
     * POSTs a JSON body (already encoded) to the path as the holder of {@code bearerToken} (this client's own when null)
     * and returns the status code; the answer is read and dropped.
     */
    int post(String path, String bearerToken, byte[] json) throws IOException {
        return send("POST " + path, json, bearerToken == null ? credentials : "Authorization: Bearer " + bearerToken + "\r\n");
    }

    private int send(String requestLine, byte[] body, String authorization) throws IOException {
        if (socket == null) connect();
        try {
            String bodyHeaders = body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n";
            out.write((requestLine + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: application/json\r\n" + authorization
                    + bodyHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII));
            if (body != null) out.write(body);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private int readResponse() throws IOException {
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) length = Long.parseLong(value);
            else if (name.equalsIgnoreCase("Transfer-Encoding")) chunked = value.equalsIgnoreCase("chunked");
            else if (name.equalsIgnoreCase("Connection")) closes = value.equalsIgnoreCase("close");
        }
        if (chunked) {
            for (long size = Long.parseLong(readLine().split(";")[0].trim(), 16); size > 0; size = Long.parseLong(readLine().split(";")[0].trim(), 16)) {
                skip(size);
                readLine();
            }
            while (!readLine().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            skip(length);
        } else {
            closes = true;
            while (in.read() >= 0) {
                // the body runs to the end of the connection
            }
        }
        if (closes) close();
        return status;
    }

    private void connect() throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    private String readLine() throws IOException {
        line.setLength(0);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new EOFException("connection closed mid-response");
            if (c != '\r') line.append((char) c);
        }
        return line.toString();
    }

    private void skip(long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) throw new EOFException("connection closed mid-body");
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken connection: nothing left to do
        }
        socket = null;
    }
}
