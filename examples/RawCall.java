import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw WebSocket client for trying a server by hand, with nothing but a JDK:
 *
 * <pre>
 * java examples/RawCall.java ws://127.0.0.1:8080/jsonrpc '{"jsonrpc":"2.0","method":"calc.add","params":[1,2],"id":1}'
 * </pre>
 *
 * Sends each argument after the URL as one text frame and prints the frame that answers it (or that no
 * answer came within two seconds, as for a notification).
 */
public class RawCall {
    public static void main(String[] args) throws Exception {
        BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(args[0]), new WebSocket.Listener() {
                    private StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            answers.add(text.toString());
                            text = new StringBuilder();
                        }
                        w.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                        answers.add("(closed: " + code + " " + reason + ")");
                        return null;
                    }
                }).join();
        for (int i = 1; i < args.length; i++) {
            ws.sendText(args[i], true).join();
            System.out.println("--> " + args[i]);
            String answer = answers.poll(2, TimeUnit.SECONDS);
            System.out.println("<-- " + (answer == null ? "(no answer)" : answer));
        }
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }
}
