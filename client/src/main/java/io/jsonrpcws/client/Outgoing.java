package io.jsonrpcws.client;

import io.jsonrpcws.api.ConnectionClosedException;
import io.jsonrpcws.api.Params;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the client sends: made when the application calls, sent at once on an open connection, or kept while the
 * client reconnects and sent when it is back. Times are {@link System#nanoTime()}'s.
 */
sealed interface Outgoing {

    /**
     * Hands this to the connection.
     *
     * @return {@code false}, sending nothing, when the connection has closed
     * @throws RuntimeException for a notification (alone or in a batch of notifications) whose params cannot be
     *                          written; a call's failure fails its stage instead
     */
    boolean sendOn(Connection connection);

    /**
     * Says that this cannot be sent: calls fail their stages with the exception; notifications, which have no
     * stage, throw it.
     */
    void refuse(ConnectionClosedException why);

    /** A request; its {@code timeout} counts from {@code madeAt}. */
    record Call(String method, Type resultType, Duration timeout, Params params, long madeAt,
                CompletableFuture<Object> stage) implements Outgoing {

        @Override
        public boolean sendOn(Connection connection) {
            return connection.outgoingCalls().request(method, resultType, timeout, madeAt, params, stage);
        }

        @Override
        public void refuse(ConnectionClosedException why) {
            stage.completeExceptionally(why);
        }
    }

    /** A notification. */
    record Notification(String method, Params params) implements Outgoing {

        @Override
        public boolean sendOn(Connection connection) {
            return connection.outgoingCalls().notify(method, params);
        }

        @Override
        public void refuse(ConnectionClosedException why) {
            throw why;
        }
    }

    /** The first subscribe request of a subscription; its timeout counts from when it is sent. */
    record Subscribe(ClientSubscription subscription) implements Outgoing {

        @Override
        public boolean sendOn(Connection connection) {
            return subscription.sendOn(connection, 0);
        }

        @Override
        public void refuse(ConnectionClosedException why) {
            subscription.end(why);
        }
    }

    /** The members of a {@link Batch}, sent as one frame; each call's timeout counts from {@code madeAt}. */
    record BatchOf(List<Batch.Member> members, long madeAt) implements Outgoing {

        @Override
        public boolean sendOn(Connection connection) {
            return connection.sendBatch(this);
        }

        @Override
        public void refuse(ConnectionClosedException why) {
            boolean calls = false;
            for (Batch.Member m : members) {
                if (m.stage() != null) {
                    m.stage().completeExceptionally(why);
                    calls = true;
                }
            }
            if (!calls) {
                throw why;
            }
        }
    }
}
