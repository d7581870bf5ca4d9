package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestContributingPathsExist holds CONTRIBUTING.md's "where things go" to
// the tree: every file and directory it names exists, and its tree block
// names every package directory (examples/ and internal/ packages by their
// own rows or a parent's).
func TestContributingPathsExist(t *testing.T) {
	root := filepath.Join("..", "..")
	named, err := NamedPaths(filepath.Join(root, "CONTRIBUTING.md"))
	require.NoError(t, err)
	require.NotEmpty(t, named)
	for _, p := range named {
		_, err := os.Stat(filepath.Join(root, filepath.FromSlash(p)))
		assert.NoError(t, err, "CONTRIBUTING.md names %s, which does not exist", p)
	}
	pkgs, err := Packages(root)
	require.NoError(t, err)
	for _, p := range pkgs {
		if strings.HasPrefix(p, "examples/") || strings.HasPrefix(p, "internal/") {
			continue
		}
		assert.Contains(t, named, p+"/", "CONTRIBUTING.md's tree has no row for package %s", p)
	}
}

func TestNamedPaths(t *testing.T) {
	dir := tree(t, map[string]string{"c.md": "see `rules/metric.go` and `suite/<question>.go`\n" +
		"```\nmoney/      exact\nrules/      engine\n```\n" +
		"the schema (schema/catalog.schema.json); https://example.com/a/b.go; rules/metric.go again\n"})
	got, err := NamedPaths(filepath.Join(dir, "c.md"))
	require.NoError(t, err)
	assert.Equal(t, []string{"rules/metric.go", "money/", "rules/", "schema/catalog.schema.json"}, got)
}
