package com.flashsale.coupon.system.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One Grafana dashboard file as the query checks need it: its panels' PromQL and its template variables. */
public record Dashboard(Path file, JsonNode json, String uid, String title, List<Panel> panels, List<Variable> variables) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every dashboard in grafana/dashboards, in file name order. */
    public static List<Dashboard> all() {
        try (Stream<Path> files = Files.list(ProjectFiles.dashboards())) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted(Comparator.naturalOrder())
                    .map(Dashboard::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Dashboard byUid(String uid) {
        return all().stream().filter(d -> d.uid().equals(uid)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No dashboard with uid " + uid + " in " + ProjectFiles.dashboards()));
    }

    static Dashboard load(Path file) {
        JsonNode json;
        try {
            json = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Panel> panels = new ArrayList<>();
        collectPanels(json.path("panels"), "", panels);
        List<Variable> variables = new ArrayList<>();
        for (JsonNode variable : json.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            variables.add(new Variable(variable.path("name").asString(),
                    query.isObject() ? query.path("query").asString() : query.asString(),
                    variable.path("includeAll").asBoolean(false), variable.path("allValue").asString("")));
        }
        return new Dashboard(file, json, json.path("uid").asString(), json.path("title").asString(), panels, variables);
    }

    /**
     * An open row is followed by its panels; a collapsed one holds them inside: either way a panel's
     * section is the title of the row above it.
     */
    private static void collectPanels(JsonNode nodes, String section, List<Panel> panels) {
        String current = section;
        for (JsonNode node : nodes) {
            if ("row".equals(node.path("type").asString())) {
                current = node.path("title").asString();
                collectPanels(node.path("panels"), current, panels);
                continue;
            }
            List<Target> targets = new ArrayList<>();
            for (JsonNode target : node.path("targets")) {
                targets.add(new Target(target.path("refId").asString(), target.path("expr").asString(""),
                        target.path("datasource").path("uid").asString("")));
            }
            panels.add(new Panel(node.path("id").asInt(), node.path("type").asString(), node.path("title").asString(),
                    current, node.path("datasource").path("uid").asString(""), targets));
        }
    }

    public record Panel(int id, String type, String title, String section, String datasourceUid, List<Target> targets) {
    }

    public record Target(String refId, String expr, String datasourceUid) {
    }

    /** A query variable: {@code label_values(<selector>, <label>)}, as Grafana's Prometheus datasource reads it. */
    public record Variable(String name, String query, boolean includeAll, String allValue) {
    }
}
