# Prints `make help`: every target whose line carries a `## [group] what it does` comment, grouped by
# task in the order below, names aligned, long descriptions wrapped.
# Usage: awk -f make/help.awk Makefile make/*.mk
BEGIN {
    FS = ":"
    split("run test load compose observability bench", order, " ")
    title["run"] = "the system as processes on this machine"
    title["test"] = "tests and failure drills"
    title["load"] = "the flash-sale load test and its scripts"
    title["compose"] = "the system in Docker Compose"
    title["observability"] = "Prometheus and its checks"
    title["bench"] = "measurements"
    width = 100
}
/^[a-zA-Z0-9_-]+:.*## / {
    target = $1
    text = substr($0, index($0, "## ") + 3)
    group = "other"
    if (match(text, /^\[[a-z]+\] */)) {
        group = substr(text, 2, index(text, "]") - 2)
        text = substr(text, RLENGTH + 1)
    }
    count[group]++
    name[group, count[group]] = target
    desc[group, count[group]] = text
    if (length(target) > longest) longest = length(target)
}
END {
    print "Usage: make <target>"
    n = 0
    for (i = 1; i in order; i++) printed[order[i]] = 1
    for (g in count) if (!(g in printed)) order[length(order) + 1] = g
    for (i = 1; i in order; i++) {
        g = order[i]
        if (!(g in count)) continue
        print ""
        print g (g in title ? ": " title[g] : "")
        for (j = 1; j <= count[g]; j++) wrap(name[g, j], desc[g, j])
    }
}
# "  target   text", the text wrapped at `width` and continued under itself.
function wrap(target, text,    indent, line, words, k, w) {
    indent = longest + 5
    line = sprintf("  %-" (longest + 3) "s", target)
    w = split(text, words, " ")
    for (k = 1; k <= w; k++) {
        if (length(line) + 1 + length(words[k]) > width && length(line) > indent) {
            print line
            line = sprintf("%" indent "s", "")
            line = line words[k]
        } else {
            line = (length(line) == indent ? line : line " ") words[k]
        }
    }
    print line
}
