package io.jsonrpcws.benchmarks.load;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A lean WebSocket load generator on one thread and one selector: its own HTTP upgrade, masked text
 * frames out, frames parsed in place, responses matched to their calls by the top-level {@code id}.
 * Each connection keeps a fixed number of calls in flight: every answer sends the next call. Not
 * thread-safe: one thread opens, runs and closes it.
 *
 * <p>A call's id is {@code round * inFlight + slot}, so the slot it answers is {@code id % inFlight}, and an
 * answer whose id is not the one its slot awaits counts as an error.
 *
 * <p>For streams ({@link #subscribe}, then {@link #stream}) it sends only the subscriptions' requests and counts the
 * items that come, by subscription: notifications {@code {"jsonrpc":"2.0","method":m,"params":{"subscription":"0x<n>",
 * "result"|"completed"|"error":...}}}, where n is 1, 2, 3... on each connection, as the servers number them.
 */
public final class LoadClient implements AutoCloseable {

    /** At most this many handshakes at once, so that opening 10,000 connections does not flood the accept queue. */
    private static final int HANDSHAKES_AT_ONCE = 128;
    private static final byte[] ID_KEY = "id".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR_KEY = "error".getBytes(StandardCharsets.US_ASCII);

    /** What one run measured. */
    public record Result(long calls, long errors, long nanos, Histogram latency, long cpuNanos, String sample) {

        public double callsPerSecond() {
            return calls * 1e9 / nanos;
        }

        /** Latency at a percentile, in microseconds. */
        public double latencyMicros(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /**
     * What one stream run measured: items in the window, and since the subscriptions were made (all of them, and the
     * fewest and most of one subscription), subscriptions ended (completed or failed), failures.
     */
    public record StreamResult(long items, long nanos, long cpuNanos, long totalItems, long fewest, long most,
                               long ended, long failed, String sample) {

        public double itemsPerSecond() {
            return items * 1e9 / nanos;
        }
    }

    /** Called at the boundaries of the measured window, from the generator's thread. */
    public interface Window {
        void started();

        void ended();
    }

    private final Selector selector;
    private final List<Conn> conns = new ArrayList<>();
    private final Histogram latency = new Histogram(60_000_000_000L, 3);

    private Payload payload;
    private int inFlight;
    private boolean sending;
    private boolean measuring;
    private long calls;
    private long errors;
    private String sample;

    private static final byte[] NOTIFICATION = "{\"jsonrpc\":\"2.0\",\"method\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUBSCRIPTION_KEY = "\"subscription\":\"0x".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESULT_KEY = "result".getBytes(StandardCharsets.US_ASCII);
    private boolean streaming;
    private long items;
    private long totalItems;
    private long ended;
    private long failed;
    private int subscriptions;

    private LoadClient(Selector selector) {
        this.selector = selector;
    }

    /**
     * Opens connections and completes their handshakes.
     *
     * @throws IOException when a connection fails or the handshakes take longer than the timeout
     */
    public static LoadClient connect(String host, int port, String path, int connections, long timeoutMillis) throws IOException {
        LoadClient client = new LoadClient(Selector.open());
        try {
            client.open(new InetSocketAddress(host, port), host + ":" + port, path, connections, timeoutMillis);
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
        return client;
    }

    public int connections() {
        return conns.size();
    }

    private void open(InetSocketAddress address, String hostHeader, String path, int count, long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        int started = 0;
        int done = 0;
        int pending = 0;
        while (done < count) {
            while (started < count && pending < HANDSHAKES_AT_ONCE) {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Conn c = new Conn(channel);
                conns.add(c);
                byte[] key = new byte[16];
                ThreadLocalRandom.current().nextBytes(key);
                c.out.put(("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                c.key = channel.register(selector, channel.connect(address) ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, c);
                started++;
                pending++;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IOException("handshakes timed out: " + done + " of " + count + " connections open");
            }
            selector.select(Math.max(1, left / 1_000_000));
            for (SelectionKey key : selector.selectedKeys()) {
                Conn c = (Conn) key.attachment();
                if (key.isConnectable()) {
                    c.channel.finishConnect();
                    key.interestOps(SelectionKey.OP_WRITE);
                }
                if (key.isValid() && key.isWritable() && !flush(c)) {
                    continue;
                }
                if (key.isValid() && key.isReadable() && c.readHandshake()) {
                    done++;
                    pending--;
                }
            }
            selector.selectedKeys().clear();
        }
    }

    /**
     * Runs calls: a warm-up, then a measured window, then waits for the answers still due.
     *
     * @param maxCalls stop after this many measured answers even if the window is not over; 0 for no limit
     */
    public Result run(Payload payload, int inFlight, long warmUpMillis, long measureMillis, long maxCalls, Window window)
            throws IOException {
        this.payload = payload;
        this.inFlight = inFlight;
        sending = true;
        measuring = false;
        calls = 0;
        errors = 0;
        sample = null;
        latency.reset();
        long now = System.nanoTime();
        long measureStart = now + warmUpMillis * 1_000_000;
        long measureEnd = measureStart + measureMillis * 1_000_000;
        long cpuStart = 0;
        long cpuNanos = 0;
        long start = 0;
        long end = 0;
        for (Conn c : conns) {
            c.reset(inFlight);
            for (int slot = 0; slot < inFlight; slot++) {
                c.sendCall(slot, now);
            }
            flush(c);
        }
        long drainDeadline = Long.MAX_VALUE;
        while (true) {
            selector.select(10);
            now = System.nanoTime();
            for (SelectionKey key : selector.selectedKeys()) {
                Conn c = (Conn) key.attachment();
                if (key.isValid() && key.isReadable()) {
                    c.read(now);
                }
                if (key.isValid() && key.isWritable()) {
                    flush(c);
                }
            }
            selector.selectedKeys().clear();
            if (sending && !measuring && now >= measureStart) {
                measuring = true;
                calls = 0;
                errors = 0;
                latency.reset();
                window.started();
                cpuStart = Cpu.processNanos();
                start = System.nanoTime();
            }
            if (sending && measuring && (now >= measureEnd || (maxCalls > 0 && calls >= maxCalls))) {
                end = System.nanoTime();
                cpuNanos = Cpu.processNanos() - cpuStart;
                window.ended();
                sending = false;
                measuring = false;
                drainDeadline = end + 10_000_000_000L;
            }
            if (!sending && outstanding() == 0) {
                break;
            }
            if (now > drainDeadline) {
                throw new IOException(outstanding() + " calls were never answered");
            }
        }
        return new Result(calls, errors, end - start, latency.copy(), cpuNanos, sample);
    }

    private int outstanding() {
        int n = 0;
        for (Conn c : conns) {
            if (c.closed) {
                throw new IllegalStateException("the server closed a connection");
            }
            n += c.outstanding;
        }
        return n;
    }

    /** Whether everything buffered was written; sets the interest in writing accordingly. */
    private boolean flush(Conn c) throws IOException {
        c.out.flip();
        c.channel.write(c.out);
        boolean all = !c.out.hasRemaining();
        c.out.compact();
        int ops = all ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE;
        if (c.key.interestOps() != ops) {
            c.key.interestOps(ops);
        }
        return all;
    }

    /** Sends a close frame on every connection, waits a little for the server's, then closes the sockets. */
    @Override
    public void close() {
        try {
            long deadline = System.nanoTime() + 5_000_000_000L;
            int open = 0;
            for (Conn c : conns) {
                if (c.upgraded && !c.closed && c.channel.isConnected()) {
                    c.frame(0x88, new byte[] {0x03, (byte) 0xE8}, 0, 2);
                    try {
                        flush(c);
                        c.closing = true;
                        open++;
                    } catch (IOException e) {
                        c.closed = true;
                    }
                }
            }
            while (open > 0 && System.nanoTime() < deadline) {
                selector.select(10);
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn c = (Conn) key.attachment();
                    try {
                        if (key.isValid() && key.isWritable()) {
                            flush(c);
                        }
                        if (key.isValid() && key.isReadable()) {
                            c.read(System.nanoTime());
                        }
                    } catch (IOException e) {
                        c.closed = true;
                    }
                    if (c.closed && c.closing) {
                        c.closing = false;
                        open--;
                        key.cancel();
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            // closing regardless
        } finally {
            for (Conn c : conns) {
                try {
                    c.channel.close();
                } catch (IOException ignored) {
                    // nothing more to do for this socket
                }
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    /**
     * Subscribes {@code perConnection} times on every connection: requests {@code method} with {@code params} (a JSON
     * array's text) and waits for every answer, each a subscription id. Items that come meanwhile are counted.
     *
     * @throws IOException when the answers take longer than the timeout
     * @throws IllegalStateException when a subscription is refused or the server closes a connection
     */
    public void subscribe(String method, String params, int perConnection, long timeoutMillis) throws IOException {
        streaming = true;
        for (Conn c : conns) {
            int first = c.requested;
            c.requested += perConnection;
            c.streamItems = Arrays.copyOf(c.streamItems, c.requested);
            c.streamEnded = Arrays.copyOf(c.streamEnded, c.requested);
            c.streamKnown = Arrays.copyOf(c.streamKnown, c.requested);
            for (int i = first + 1; i <= c.requested; i++) {
                byte[] request = ("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":" + i + "}")
                        .getBytes(StandardCharsets.UTF_8);
                c.frame(0x81, request, 0, request.length);
            }
            flush(c);
        }
        subscriptions += perConnection * conns.size();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            int waiting = 0;
            for (Conn c : conns) {
                if (c.closed) {
                    throw new IllegalStateException("the server closed a connection");
                }
                waiting += c.requested - c.answers;
            }
            if (waiting == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(waiting + " subscriptions were never answered");
            }
            poll(System.nanoTime());
        }
    }

    /**
     * Counts the items of the subscriptions made: a warm-up, then a measured window, which ends early once every
     * subscription has ended.
     */
    public StreamResult stream(long warmUpMillis, long measureMillis, Window window) throws IOException {
        long now = System.nanoTime();
        long measureStart = now + warmUpMillis * 1_000_000;
        long measureEnd = measureStart + measureMillis * 1_000_000;
        long cpuStart = 0;
        long start = 0;
        measuring = false;
        while (true) {
            if (!measuring && now >= measureStart) {
                measuring = true;
                items = 0;
                window.started();
                cpuStart = Cpu.processNanos();
                start = System.nanoTime();
            }
            if (measuring && (now >= measureEnd || ended == subscriptions)) {
                long end = System.nanoTime();
                long cpuNanos = Cpu.processNanos() - cpuStart;
                window.ended();
                measuring = false;
                long fewest = Long.MAX_VALUE;
                long most = 0;
                for (Conn c : conns) {
                    for (long n : c.streamItems) {
                        fewest = Math.min(fewest, n);
                        most = Math.max(most, n);
                    }
                }
                return new StreamResult(items, end - start, cpuNanos, totalItems, fewest, most, ended, failed, sample);
            }
            for (Conn c : conns) {
                if (c.closed) {
                    throw new IllegalStateException("the server closed a connection");
                }
            }
            poll(now);
            now = System.nanoTime();
        }
    }

    /** One round of the selector: reads what came, writes what waits. */
    private void poll(long now) throws IOException {
        selector.select(10);
        for (SelectionKey key : selector.selectedKeys()) {
            Conn c = (Conn) key.attachment();
            if (key.isValid() && key.isReadable()) {
                c.read(now);
            }
            if (key.isValid() && key.isWritable()) {
                flush(c);
            }
        }
        selector.selectedKeys().clear();
    }

    /** A frame of a stream: an item, the end of a subscription, or the answer to a subscription's request. */
    private void streamed(Conn c, byte[] a, int from, int to) {
        if (startsWith(a, from, to, NOTIFICATION)) {
            int p = indexOf(a, from + NOTIFICATION.length, to, SUBSCRIPTION_KEY);
            if (p >= 0) {
                p += SUBSCRIPTION_KEY.length;
                int n = 0;
                while (p < to && a[p] != '"') {
                    n = n * 16 + Character.digit(a[p++], 16);
                }
                int index = n - 1;
                // after the id's closing quote: ,"result" or ,"completed" or ,"error"
                if (index >= 0 && index < c.requested && c.streamKnown[index] && p + 3 < to) {
                    switch (a[p + 3]) {
                        case 'r' -> {
                            c.streamItems[index]++;
                            totalItems++;
                            if (measuring) {
                                items++;
                            }
                            if (sample == null && index == 0 && c == conns.get(0)) {
                                sample = new String(a, from, to - from, StandardCharsets.UTF_8);
                            }
                            return;
                        }
                        case 'c', 'e' -> {
                            if (!c.streamEnded[index]) {
                                c.streamEnded[index] = true;
                                ended++;
                                failed += a[p + 3] == 'e' ? 1 : 0;
                            }
                            return;
                        }
                        default -> {
                        }
                    }
                }
            }
            throw new IllegalStateException("unexpected notification: " + new String(a, from, to - from, StandardCharsets.UTF_8));
        }
        // the answer to a subscription's request: {"jsonrpc":"2.0","result":"0x<n>","id":<request>}
        long id = -1;
        String result = null;
        int depth = 0;
        boolean expectKey = false;
        for (int i = from; i < to; i++) {
            byte b = a[i];
            if (b == '"') {
                int s = i + 1;
                int j = s;
                while (j < to && a[j] != '"') {
                    j += a[j] == '\\' ? 2 : 1;
                }
                if (depth == 1 && expectKey) {
                    if (equals(a, s, j, ID_KEY)) {
                        id = number(a, j + 1, to);
                    } else if (equals(a, s, j, RESULT_KEY) && j + 2 < to && a[j + 2] == '"') {
                        int k = j + 3;
                        while (k < to && a[k] != '"') {
                            k++;
                        }
                        result = new String(a, j + 3, k - j - 3, StandardCharsets.UTF_8);
                    }
                }
                expectKey = false;
                i = j;
            } else if (b == '{' || b == '[') {
                depth++;
                expectKey = depth == 1 && b == '{';
            } else if (b == '}' || b == ']') {
                depth--;
            } else if (b == ',' && depth == 1) {
                expectKey = true;
            }
        }
        // the servers number their subscriptions 1, 2, 3... on each connection, in the order they open them
        int n = result != null && result.startsWith("0x") ? Integer.parseInt(result.substring(2), 16) : -1;
        if (id < 1 || id > c.requested || n < 1 || n > c.requested || c.streamKnown[n - 1]) {
            throw new IllegalStateException("unexpected answer to a subscription's request: "
                    + new String(a, from, to - from, StandardCharsets.UTF_8));
        }
        c.streamKnown[n - 1] = true;
        c.answers++;
    }

    private static boolean startsWith(byte[] a, int from, int to, byte[] prefix) {
        return to - from >= prefix.length && equals(a, from, from + prefix.length, prefix);
    }

    private static int indexOf(byte[] a, int from, int to, byte[] key) {
        outer:
        for (int i = from; i + key.length <= to; i++) {
            for (int k = 0; k < key.length; k++) {
                if (a[i + k] != key[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void answered(Conn c, byte[] a, int from, int to, long now) {
        long id = -1;
        boolean error = false;
        int depth = 0;
        boolean expectKey = false;
        for (int i = from; i < to; i++) {
            byte b = a[i];
            if (b == '"') {
                int s = i + 1;
                int j = s;
                while (j < to && a[j] != '"') {
                    j += a[j] == '\\' ? 2 : 1;
                }
                if (depth == 1 && expectKey) {
                    if (equals(a, s, j, ID_KEY)) {
                        id = number(a, j + 1, to);
                    } else if (equals(a, s, j, ERROR_KEY)) {
                        error = true;
                    }
                }
                expectKey = false;
                i = j;
            } else if (b == '{' || b == '[') {
                depth++;
                expectKey = depth == 1 && b == '{';
            } else if (b == '}' || b == ']') {
                depth--;
            } else if (b == ',' && depth == 1) {
                expectKey = true;
            }
        }
        int slot = id < 0 ? -1 : (int) (id % inFlight);
        if (slot < 0 || c.expected[slot] != id) {
            // an answer this connection is not waiting for: the run cannot go on meaningfully
            throw new IllegalStateException("unexpected answer: " + new String(a, from, to - from, StandardCharsets.UTF_8));
        }
        c.outstanding--;
        if (error) {
            errors++;
        }
        if (sample == null) {
            sample = new String(a, from, to - from, StandardCharsets.UTF_8);
        }
        if (measuring) {
            calls++;
            latency.recordValue(Math.max(0, now - c.sentAt[slot]));
        }
        if (sending) {
            c.expected[slot] += inFlight;
            c.sendCall(slot, now);
        }
    }

    private static boolean equals(byte[] a, int from, int to, byte[] key) {
        if (to - from != key.length) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (a[from + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    /** The non-negative integer after a colon (possibly in quotes), or -1. */
    private static long number(byte[] a, int from, int to) {
        int i = from;
        while (i < to && (a[i] == ':' || a[i] == ' ' || a[i] == '"')) {
            i++;
        }
        long n = 0;
        int digits = 0;
        while (i < to && a[i] >= '0' && a[i] <= '9') {
            n = n * 10 + (a[i++] - '0');
            digits++;
        }
        return digits == 0 ? -1 : n;
    }

    /** One connection's buffers and calls. */
    private final class Conn {
        final SocketChannel channel;
        SelectionKey key;
        ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        ByteBuffer out = ByteBuffer.allocate(16 * 1024);
        long[] expected = new long[0];
        long[] sentAt = new long[0];
        int outstanding;
        boolean upgraded;
        boolean closing;
        boolean closed;
        int maskSeed = ThreadLocalRandom.current().nextInt() | 1;
        /** Per subscription, by its number on this connection less one: items so far, and whether it ended. */
        long[] streamItems = new long[0];
        boolean[] streamEnded = new boolean[0];
        boolean[] streamKnown = new boolean[0];
        /** Subscription requests sent on this connection, and those answered. */
        int requested;
        int answers;
        private final byte[] digits = new byte[20];

        Conn(SocketChannel channel) {
            this.channel = channel;
        }

        void reset(int slots) {
            expected = new long[slots];
            sentAt = new long[slots];
            for (int i = 0; i < slots; i++) {
                expected[i] = i;
            }
            outstanding = 0;
        }

        /** Reads the upgrade response; true once it is complete. */
        boolean readHandshake() throws IOException {
            if (channel.read(in) < 0) {
                throw new IOException("the server closed a connection during its handshake");
            }
            byte[] a = in.array();
            int n = in.position();
            for (int i = 3; i < n; i++) {
                if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
                    String head = new String(a, 0, i, StandardCharsets.ISO_8859_1);
                    if (!head.startsWith("HTTP/1.1 101")) {
                        throw new IOException("the upgrade was refused: " + head.lines().findFirst().orElse(""));
                    }
                    System.arraycopy(a, i + 1, a, 0, n - i - 1);
                    in.position(n - i - 1);
                    upgraded = true;
                    key.interestOps(SelectionKey.OP_READ);
                    return true;
                }
            }
            return false;
        }

        void sendCall(int slot, long now) {
            long id = expected[slot];
            int d = digits.length;
            long v = id;
            do {
                digits[--d] = (byte) ('0' + v % 10);
                v /= 10;
            } while (v != 0);
            byte[] before = payload.beforeId();
            int length = before.length + (digits.length - d) + 1;
            int header = length < 126 ? 6 : 8;
            ensureOut(header + length);
            byte[] o = out.array();
            int p = out.arrayOffset() + out.position();
            o[p] = (byte) 0x81;
            if (length < 126) {
                o[p + 1] = (byte) (0x80 | length);
            } else {
                o[p + 1] = (byte) (0x80 | 126);
                o[p + 2] = (byte) (length >>> 8);
                o[p + 3] = (byte) length;
            }
            int m = p + header - 4;
            int start = p + header;
            System.arraycopy(before, 0, o, start, before.length);
            System.arraycopy(digits, d, o, start + before.length, digits.length - d);
            o[start + length - 1] = '}';
            mask(o, m, start, length);
            out.position(out.position() + header + length);
            sentAt[slot] = now;
            outstanding++;
        }

        /** Appends a masked frame of this opcode. */
        void frame(int opcode, byte[] payloadBytes, int from, int length) {
            if (length > 0xFFFF) {
                throw new IllegalArgumentException("a frame of " + length + " bytes");
            }
            int header = length < 126 ? 6 : 8;
            ensureOut(header + length);
            byte[] o = out.array();
            int p = out.position();
            o[p] = (byte) opcode;
            if (length < 126) {
                o[p + 1] = (byte) (0x80 | length);
            } else {
                o[p + 1] = (byte) (0x80 | 126);
                o[p + 2] = (byte) (length >>> 8);
                o[p + 3] = (byte) length;
            }
            System.arraycopy(payloadBytes, from, o, p + header, length);
            mask(o, p + header - 4, p + header, length);
            out.position(p + header + length);
        }

        private void mask(byte[] o, int maskAt, int start, int length) {
            int seed = maskSeed;
            seed ^= seed << 13;
            seed ^= seed >>> 17;
            seed ^= seed << 5;
            maskSeed = seed;
            byte k0 = (byte) (seed >>> 24);
            byte k1 = (byte) (seed >>> 16);
            byte k2 = (byte) (seed >>> 8);
            byte k3 = (byte) seed;
            o[maskAt] = k0;
            o[maskAt + 1] = k1;
            o[maskAt + 2] = k2;
            o[maskAt + 3] = k3;
            int i = 0;
            for (; i + 3 < length; i += 4) {
                o[start + i] ^= k0;
                o[start + i + 1] ^= k1;
                o[start + i + 2] ^= k2;
                o[start + i + 3] ^= k3;
            }
            for (; i < length; i++) {
                o[start + i] ^= (i & 3) == 0 ? k0 : (i & 3) == 1 ? k1 : (i & 3) == 2 ? k2 : k3;
            }
        }

        private void ensureOut(int more) {
            if (out.remaining() < more) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + more));
                out.flip();
                bigger.put(out);
                out = bigger;
            }
        }

        /** Reads what is there and handles every complete frame; answers may queue calls to send. */
        void read(long now) throws IOException {
            while (true) {
                int n = channel.read(in);
                if (n < 0) {
                    closed = true;
                    key.cancel();
                    return;
                }
                if (n == 0) {
                    break;
                }
                frames(now);
                if (in.hasRemaining()) {
                    break;
                }
            }
            if (out.position() > 0) {
                flush(this);
            }
        }

        private void frames(long now) {
            byte[] a = in.array();
            int end = in.position();
            int p = 0;
            while (end - p >= 2) {
                int b0 = a[p] & 0xFF;
                int b1 = a[p + 1] & 0x7F;
                int header = 2;
                long length = b1;
                if (b1 == 126) {
                    if (end - p < 4) {
                        break;
                    }
                    length = ((a[p + 2] & 0xFF) << 8) | (a[p + 3] & 0xFF);
                    header = 4;
                } else if (b1 == 127) {
                    if (end - p < 10) {
                        break;
                    }
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | (a[p + 2 + i] & 0xFF);
                    }
                    header = 10;
                }
                if (header + length > a.length) {
                    // a frame larger than the buffer: grow it and read on
                    ByteBuffer bigger = ByteBuffer.allocate((int) (header + length) * 2);
                    bigger.put(a, p, end - p);
                    in = bigger;
                    return;
                }
                if (end - p < header + length) {
                    break;
                }
                int from = p + header;
                int to = (int) (from + length);
                switch (b0) {
                    case 0x81 -> {
                        if (streaming) {
                            streamed(this, a, from, to);
                        } else {
                            answered(this, a, from, to, now);
                        }
                    }
                    case 0x88 -> {
                        closed = true;
                        if (!closing) {
                            throw new IllegalStateException("the server closed a connection: "
                                    + (length >= 2 ? ((a[from] & 0xFF) << 8 | (a[from + 1] & 0xFF)) : 1005)
                                    + " " + new String(a, Math.min(to, from + 2), Math.max(0, to - from - 2), StandardCharsets.UTF_8));
                        }
                    }
                    case 0x89 -> frame(0x8A, a, from, (int) length);
                    case 0x8A -> { }
                    default -> throw new IllegalStateException("unexpected frame, first byte " + Integer.toHexString(b0));
                }
                p = to;
            }
            if (p > 0) {
                System.arraycopy(a, p, a, 0, end - p);
                in.position(end - p);
            }
        }
    }
}
