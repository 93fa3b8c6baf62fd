package io.jsonrpcws.impl.fuzz;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.impl.connection.PeerConnection;
import io.jsonrpcws.impl.engine.JsonRpcEngine;
import io.jsonrpcws.impl.model.PlainServices;
import io.jsonrpcws.impl.model.ServiceModel;

import java.util.List;

/** The engine and service of the regression tests made from what fuzzing found. */
final class FoundByFuzzing {

    public record Point(int x, int y) {
    }

    public static class Service {
        @JsonRpcMethod
        public Point move(Point p, int dx, int dy) {
            return new Point(p.x() + dx, p.y() + dy);
        }

        @JsonRpcMethod
        public long twice(long n) {
            return 2 * n;
        }

        @JsonRpcMethod
        public double mean(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }
    }

    static final JsonRpcEngine<PeerConnection> ENGINE = JsonRpcEngine.<PeerConnection>builder()
            .methods(PlainServices.table(new ServiceModel(List.of()), new Service())).build();

    private FoundByFuzzing() {
    }
}
