package layout

import (
	"os"
	"regexp"
	"slices"
	"strings"
)

// pathLike matches a slash-separated path to a file with an extension or to
// a directory (trailing slash), as the docs write them in backquotes or in
// a tree block: "rules/metric.go", "schema/catalog.schema.json", "picture/".
var pathLike = regexp.MustCompile(`(?:^|[\s` + "`" + `(])((?:[a-z0-9_.-]+/)+(?:[a-z0-9_.-]+\.(?:go|json|yaml|md))?)`)

// NamedPaths returns the module paths the Markdown file at path names, in
// order of first mention, without duplicates. A path with a placeholder
// ("suite/<question>.go") is not a path and is left out.
func NamedPaths(path string) ([]string, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	text := string(src)
	for _, m := range pathLike.FindAllStringSubmatchIndex(text, -1) {
		p, next := text[m[2]:m[3]], text[m[3]:]
		if strings.HasPrefix(next, "<") || strings.HasPrefix(next, ":") || strings.HasPrefix(p, ".") || slices.Contains(out, p) {
			continue
		}
		out = append(out, p)
	}
	return out, nil
}
