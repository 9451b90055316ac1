package com.flashsale.coupon.system.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.system.observability.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The documents are the project's front door: a link that leads nowhere, or a document named that
 * the repository does not hold, sends a reader away. Every relative Markdown link of the README and
 * of {@code docs/} must name a file or folder that exists.
 */
class DocumentLinksTest {

    /** {@code [text](target)}; the target ends at the first space (a title may follow) or parenthesis. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)[^)]*\\)");

    static Stream<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(ProjectFiles.path("README.md"));
        documents.add(ProjectFiles.path("bench-results/results.md"));
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
    void noDocumentCitesADesignFileOutsideTheRepository(Path document) throws IOException {
        assertThat(Files.readString(document)).as(document.toString()).doesNotContain("DESIGN.md", "../shared/");
    }

    private static List<String> brokenLinks(Path document) throws IOException {
        List<String> broken = new ArrayList<>();
        Matcher link = LINK.matcher(Files.readString(document));
        while (link.find()) {
            String target = link.group(1);
            if (target.startsWith("#") || target.matches("^[a-z]+:.*")) {
                continue; // an anchor in the same document, or a URL (http, https, mailto)
            }
            String file = target.replaceFirst("#.*$", "");
            if (!Files.exists(document.getParent().resolve(file).normalize())) {
                broken.add(target);
            }
        }
        return broken;
    }
}
