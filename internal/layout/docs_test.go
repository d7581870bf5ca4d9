package layout

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadmeListsEveryPackage holds the README's package table to the
// module: a row for each package (those under examples/ share the row
// "examples/"), and no row for a package that does not exist.
func TestReadmeListsEveryPackage(t *testing.T) {
	root := filepath.Join("..", "..")
	pkgs, err := Packages(root)
	require.NoError(t, err)
	require.Contains(t, pkgs, "internal/layout", "the package list must include this package")
	rows, err := TableKeys(filepath.Join(root, "README.md"), "## Packages")
	require.NoError(t, err)
	require.NotEmpty(t, rows, "README.md has no table under ## Packages")
	for _, p := range pkgs {
		if strings.HasPrefix(p, "examples/") {
			p = "examples/"
		}
		assert.Contains(t, rows, p, "README.md: the package table has no row `%s`", p)
	}
	for _, r := range rows {
		if strings.HasSuffix(r, "/") {
			hasPrefix := func(p string) bool { return strings.HasPrefix(p, r) }
			assert.True(t, slices.ContainsFunc(pkgs, hasPrefix), "README.md: the package table's row `%s` holds no package", r)
			continue
		}
		assert.Contains(t, pkgs, r, "README.md: the package table's row `%s` is not a package of the module", r)
	}
}

// tree writes files (path: content) under a new directory and returns it.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
	}
	return dir
}

func TestPackages(t *testing.T) {
	dir := tree(t, map[string]string{
		"go.mod":                  "module m\n",
		"a/a.go":                  "package a\n",
		"a/b/b_test.go":           "package b\n",
		"a/testdata/x.go":         "package x\n",
		".git/hooks/h.go":         "package h\n",
		"nested/go.mod":           "module n\n",
		"nested/n.go":             "package n\n",
		"docs/readme.md":          "no Go here\n",
		"cmd/tool/main.go":        "package main\n",
		"cmd/tool/sub/sub.go":     "package sub\n",
		"cmd/tool/sub/sub_x.go":   "package sub\n",
		"root.go":                 "package m\n",
		"examples/one/main.go":    "package main\n",
		"examples/one/data.yaml":  "x: 1\n",
		"examples/two/ex_test.go": "package two\n",
	})
	got, err := Packages(dir)
	require.NoError(t, err)
	assert.Equal(t, []string{".", "a", "a/b", "cmd/tool", "cmd/tool/sub", "examples/one", "examples/two"}, got)
}

func TestTableKeys(t *testing.T) {
	tests := []struct {
		name   string
		readme string
		want   []string
	}{
		{"table", "# T\n\n## Packages\n\n| package | what |\n|---|---|\n| `slo` | x |\n| `cmd/tiercel` | y |\n\n## Next\n\n| a | b |\n|---|---|\n| `z` | w |\n", []string{"slo", "cmd/tiercel"}},
		{"text before the table", "## Packages\n\nThe packages:\n\n| p | w |\n|---|---|\n| `a` | b |\n", []string{"a"}},
		{"no table before the next heading", "## Packages\n\ntext\n\n## Other\n\n| p | w |\n|---|---|\n| `a` | b |\n", nil},
		{"no heading", "| p | w |\n|---|---|\n| `a` | b |\n", nil},
		{"a longer heading is another", "## Packages and more\n\n| p | w |\n|---|---|\n| `a` | b |\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tree(t, map[string]string{"README.md": tt.readme})
			got, err := TableKeys(filepath.Join(dir, "README.md"), "## Packages")
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestPackageComment(t *testing.T) {
	dir := tree(t, map[string]string{
		"doc.go":  "// Package p does\n// things.\n//\n//\tp run\npackage p\n",
		"none.go": "package p\n\n// F is not the package's.\nfunc F() {}\n",
		"bad.go":  "// Package p\npackage\n",
	})
	got, err := PackageComment(filepath.Join(dir, "doc.go"))
	require.NoError(t, err)
	assert.Equal(t, "Package p does\nthings.\n\n\tp run\n", got)
	_, err = PackageComment(filepath.Join(dir, "none.go"))
	assert.ErrorContains(t, err, "none.go: no package comment")
	_, err = PackageComment(filepath.Join(dir, "bad.go"))
	assert.Error(t, err)
	_, err = PackageComment(filepath.Join(dir, "missing.go"))
	assert.ErrorIs(t, err, os.ErrNotExist)
}
