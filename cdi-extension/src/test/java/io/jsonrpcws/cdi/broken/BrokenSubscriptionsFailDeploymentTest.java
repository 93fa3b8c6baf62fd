package io.jsonrpcws.cdi.broken;

import io.jsonrpcws.cdi.broken.subscription.Misnamed;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code @JsonRpcSubscription} on a method that returns no {@code Flow.Publisher}, a buffer of no items, and an
 * unsubscribe name that another method has fail deployment, each problem naming the methods.
 */
class BrokenSubscriptionsFailDeploymentTest {

    @Test
    void everyProblemIsNamed() {
        List<String> problems = BrokenDeployment.problems(BrokenDeployment.failure(Misnamed.class));
        String all = String.join("\n", problems);
        assertEquals(3, problems.size(), all);
        assertTrue(all.contains(Misnamed.class.getName() + "#notAPublisher is annotated @JsonRpcSubscription but does "
                + "not return a Flow.Publisher"), all);
        assertTrue(all.contains(Misnamed.class.getName() + "#noBuffer has a subscription buffer of 0 items; it needs at least 1"), all);
        assertTrue(all.contains("method " + Misnamed.class.getName() + "#stop maps to 'feed.stop', the name that ends the "
                + "subscriptions of " + Misnamed.class.getName() + "#news"), all);
    }
}
