package io.jsonrpcws.impl.fuzz;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Seed inputs of the fuzz tests: every JSONTestSuite document (the copy in impl's test resources that
 * {@code JsonTestSuiteTest} reads, MIT, with its LICENSE; standalone adds that directory to its own test
 * resources), then each test's own frames. Each seed is one test invocation, and when fuzzing they start the
 * corpus.
 */
public final class Seeds {

    private Seeds() {
    }

    /**
     * These frames, as {@code byte[]} arguments named for their text, and when fuzzing ({@code JAZZER_FUZZ}
     * set, as Jazzer decides) the JSONTestSuite documents before them, named for their files. A regression run
     * (every build) keeps to the frames and the inputs saved under the test's {@code Inputs} directory: the
     * documents take 10 to 20 s per target here, and {@code JsonTestSuiteTest} runs each through the engine
     * in every build anyway.
     */
    public static Stream<Arguments> andJsonTestSuiteWhenFuzzing(String... frames) {
        String fuzz = System.getenv("JAZZER_FUZZ");
        return fuzz == null || fuzz.isEmpty() ? frames(frames) : Stream.concat(jsonTestSuite(), frames(frames));
    }

    private static Stream<Arguments> frames(String... frames) {
        return Stream.of(frames)
                .map(f -> Arguments.of(Named.of(JsonRpcAnswers.abbreviate(f), f.getBytes(StandardCharsets.UTF_8))));
    }

    private static Stream<Arguments> jsonTestSuite() {
        Path dir;
        try {
            dir = Path.of(Seeds.class.getResource("/JSONTestSuite/test_parsing").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList().stream()
                    .map(p -> Arguments.of(Named.of(p.getFileName().toString(), read(p))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
