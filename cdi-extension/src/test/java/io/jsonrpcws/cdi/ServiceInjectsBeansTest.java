package io.jsonrpcws.cdi;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A service is an ordinary bean: field, initializer and produced injections are satisfied before calls. */
class ServiceInjectsBeansTest {

    @ApplicationScoped
    public static class Dictionary {
        public String translate(String word) {
            return word.equals("hello") ? "bonjour" : word;
        }
    }

    public static class Settings {
        @Produces
        @Named("punctuation")
        String punctuation() {
            return "!";
        }
    }

    @JsonRpcService("fr")
    public static class Translator {
        @Inject
        Dictionary dictionary;

        private String punctuation;

        @Inject
        void setPunctuation(@Named("punctuation") String punctuation) {
            this.punctuation = punctuation;
        }

        @JsonRpcMethod
        public String translate(String word) {
            return dictionary.translate(word) + punctuation;
        }
    }

    @Test
    void injectedBeansAreUsedByTheCall() {
        try (TestDeployment deployment = TestDeployment.of(Translator.class, Dictionary.class, Settings.class)) {
            assertEquals("{\"jsonrpc\":\"2.0\",\"result\":\"bonjour!\",\"id\":1}",
                    deployment.call("{\"jsonrpc\":\"2.0\",\"method\":\"fr.translate\",\"params\":[\"hello\"],\"id\":1}"));
        }
    }
}
