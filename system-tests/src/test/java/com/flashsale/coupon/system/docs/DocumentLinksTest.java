package com.flashsale.coupon.system.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.system.observability.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The documents are the project's front door: a link that leads nowhere, or a document named that
 * the repository does not hold, sends a reader away. Every relative Markdown link of the README, of
 * {@code docs/} and of every bench run's results must name a file or folder inside the repository,
 * and every Markdown file a document names must be one the repository holds.
 */
class DocumentLinksTest {

    /** {@code [text](target)}; the target ends at the first space (a title may follow) or parenthesis. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)[^)]*\\)");

    /** A Markdown file's name anywhere in the text, linked or not, with the path before it (group 1: the name). */
    private static final Pattern MARKDOWN_NAME = Pattern.compile("[A-Za-z0-9_./-]*?([A-Za-z0-9_-]+\\.md)\\b");

    private static final Path ROOT = ProjectFiles.path("").toAbsolutePath().normalize();

    static Stream<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(ProjectFiles.path("README.md"));
        try (Stream<Path> results = Files.walk(ProjectFiles.path("bench-results"))) {
            results.filter(p -> p.getFileName().toString().equals("results.md")).sorted().forEach(documents::add);
        }
        try (Stream<Path> docs = Files.list(ProjectFiles.path("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents.stream();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyRelativeLinkNamesAFileTheRepositoryHolds(Path document) throws IOException {
        assertThat(brokenLinks(document)).as("links in %s that lead nowhere", document).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyMarkdownFileNamedIsOneTheRepositoryHolds(Path document) throws IOException {
        Set<String> held = markdownFilesHeld();
        Matcher name = MARKDOWN_NAME.matcher(Files.readString(document));
        List<String> missing = new ArrayList<>();
        while (name.find()) {
            // A report a build writes under target/ is named where it will appear, not held.
            if (!name.group().contains("target/") && !held.contains(name.group(1))) {
                missing.add(name.group());
            }
        }
        assertThat(missing).as("documents %s names that the repository does not hold", document).isEmpty();
    }

    private static Set<String> markdownFilesHeld() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !ROOT.relativize(p).toString().matches("(.*/)?(target|node_modules|\\.git|\\.local)/.*"))
                    .map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static List<String> brokenLinks(Path document) throws IOException {
        List<String> broken = new ArrayList<>();
        Matcher link = LINK.matcher(Files.readString(document));
        while (link.find()) {
            String target = link.group(1);
            if (target.startsWith("#") || target.matches("^[a-z]+:.*")) {
                continue; // an anchor in the same document, or a URL (http, https, mailto)
            }
            Path file = document.getParent().resolve(target.replaceFirst("#.*$", "")).toAbsolutePath().normalize();
            if (!file.startsWith(ROOT) || !Files.exists(file)) {
                broken.add(target);
            }
        }
        return broken;
    }
}
