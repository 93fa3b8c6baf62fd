package io.jsonrpcws.impl.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link MethodTable} from plain service objects, reporting every problem together.
 */
public final class PlainServices {

    private PlainServices() {
    }

    /**
     * @param model    the model with the context parameters of this runtime
     * @param services the service objects
     * @throws IllegalArgumentException listing every problem found, one per line
     */
    public static MethodTable table(ServiceModel model, Object... services) {
        List<String> problems = new ArrayList<>();
        List<MethodDescription> all = new ArrayList<>();
        List<RpcMethod> methods = new ArrayList<>();
        for (Object service : services) {
            for (MethodDescription d : model.describe(service.getClass(), problems)) {
                all.add(d);
                methods.add(d.withInvoker(PlainObjectInvoker.of(service, d.method())));
            }
        }
        ServiceModel.checkUniqueNames(all, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid JSON-RPC services:\n  " + String.join("\n  ", problems));
        }
        return MethodTable.of(methods);
    }
}
