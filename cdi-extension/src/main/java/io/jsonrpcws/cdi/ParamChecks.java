package io.jsonrpcws.cdi;

import io.jsonrpcws.impl.model.MethodDescription;
import io.jsonrpcws.impl.model.RpcMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import java.util.List;

/**
 * Gives service methods a check of their arguments at deployment, before the method table is built: Bean Validation
 * where the deployment has it, nothing otherwise. This type names no Bean Validation type, so a deployment without
 * the API loads and runs it.
 */
interface ParamChecks {

    /** No checks: the deployment has no Bean Validation. */
    ParamChecks NONE = new ParamChecks() {
        @Override
        public RpcMethod attach(RpcMethod method, MethodDescription description, Bean<?> bean) {
            return method;
        }

        @Override
        public void close() {
        }
    };

    /**
     * The method with a check of its arguments if it has something to check, otherwise the method itself.
     *
     * @throws IllegalArgumentException when the method's constraints are declared wrongly, naming it
     */
    RpcMethod attach(RpcMethod method, MethodDescription description, Bean<?> bean);

    /** Releases what the checks made (a validator factory, instances given to the validator); at shutdown. */
    void close();

    /**
     * Bean Validation's checks if its API is visible to this deployment, otherwise {@link #NONE}.
     *
     * @param methods the service methods, which decide whether a validator is worth building where none is deployed
     */
    static ParamChecks find(BeanManager beanManager, List<MethodDescription> methods) {
        try {
            Class.forName("jakarta.validation.Validator", false, ParamChecks.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return NONE;
        }
        return BeanValidationChecks.create(beanManager, methods);
    }
}
