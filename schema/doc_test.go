package schema

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/layout"
)

// docSections returns, for each schema file the package comment lists in
// its indented block ("\tcatalog.schema.json   catalogs: a, b and c", with
// continuation lines indented further), the sections named after the
// entry's last colon.
func docSections(comment string) map[string][]string {
	entries := map[string]string{}
	var cur string
	for _, line := range strings.Split(comment, "\n") {
		first, rest, _ := strings.Cut(strings.TrimSpace(line), " ")
		switch {
		case strings.HasPrefix(line, "\t") && strings.HasSuffix(first, ".schema.json"):
			cur = first
			entries[cur] = strings.TrimSpace(rest)
		case cur != "" && strings.HasPrefix(line, "\t "):
			entries[cur] += " " + strings.TrimSpace(line)
		default:
			cur = ""
		}
	}
	out := map[string][]string{}
	for file, text := range entries {
		i := strings.LastIndex(text, ":")
		if i < 0 {
			out[file] = nil
			continue
		}
		for _, part := range strings.Split(strings.ReplaceAll(text[i+1:], " and ", ", "), ",") {
			if part = strings.TrimSpace(part); part != "" {
				out[file] = append(out[file], part)
			}
		}
	}
	return out
}

// topSections returns the top-level properties of a JSON Schema, sorted.
func topSections(t *testing.T, schema []byte) []string {
	t.Helper()
	var s struct {
		Properties map[string]json.RawMessage `json:"properties"`
	}
	require.NoError(t, json.Unmarshal(schema, &s))
	var keys []string
	for k := range s.Properties {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// TestDocNamesEverySection holds doc.go (go doc ./schema) to the schemas:
// the entry of each schema names each of its top-level sections once, and
// nothing else.
func TestDocNamesEverySection(t *testing.T) {
	comment, err := layout.PackageComment("doc.go")
	require.NoError(t, err)
	documented := docSections(comment)
	for file, schema := range map[string][]byte{"catalog.schema.json": Catalog(), "suite.schema.json": Suite()} {
		t.Run(file, func(t *testing.T) {
			require.Contains(t, documented, file, "doc.go does not list %s", file)
			got := slices.Clone(documented[file])
			slices.Sort(got)
			assert.Equal(t, topSections(t, schema), got, "doc.go: the sections named for %s", file)
		})
	}
}

func TestDocSections(t *testing.T) {
	tests := []struct {
		name    string
		comment string
		want    map[string][]string
	}{
		{"one line", "x:\n\n\ta.schema.json   things: b, c and d\n", map[string][]string{"a.schema.json": {"b", "c", "d"}}},
		{"continued", "\ta.schema.json   run by `x`: b,\n\t                c\n\tz.schema.json   y: e\n", map[string][]string{"a.schema.json": {"b", "c"}, "z.schema.json": {"e"}}},
		{"no colon", "\ta.schema.json   things\n", map[string][]string{"a.schema.json": nil}},
		{"ends at a blank line", "\ta.schema.json   t: b\n\t\n\t  c: d\n", map[string][]string{"a.schema.json": {"b"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, docSections(tt.comment))
		})
	}
}
