package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goldenBuiltin covers --builtin NAME, the shipped catalogs, and how it
// refuses to be combined with catalog files.
var goldenBuiltin = []goldenCase{
	{"builtin-quote-aws", []string{"quote", "--builtin", "aws", "aws-business", "85000 USD"}, exitOK},
	{"builtin-quote-aws-enterprise", []string{"quote", "--builtin", "aws", "aws-enterprise", "1200000 USD"}, exitOK},
	{"builtin-quote-default", []string{"quote", "--builtin", "default", "enhanced", "85000 USD"}, exitOK},
	{"builtin-deadline-developer", []string{"deadline", "--builtin", "aws", "--tier", "aws-developer", "--priority", "P4",
		"--opened", "2026-03-06T15:00:00-05:00", "--zone", "America/New_York"}, exitOK},
	{"builtin-deadline-no-target", []string{"deadline", "--builtin", "aws", "--tier", "aws-developer", "--priority", "P1",
		"--opened", "2026-03-02T10:00:00Z", "--zone", "America/New_York"}, exitUndecidable},
	{"builtin-tier-elsewhere", []string{"quote", "aws-business", "85000 USD"}, exitUndecidable},
	{"builtin-tier-elsewhere-aws", []string{"deadline", "--builtin", "aws", "--tier", "Enhanced", "--priority", "P1", "--opened", "2026-03-02T10:00:00Z"}, exitUndecidable},
	{"builtin-compare", []string{"compare", "--builtin", "aws", "aws-developer", "aws-business"}, exitOK},
	{"builtin-check", []string{"check", "--builtin", "aws"}, exitOK},
	{"builtin-test-aws-suite", []string{"test", "../../rules/catalog/aws_test.yaml"}, exitOK},
	{"builtin-unknown", []string{"quote", "--builtin", "gcp", "aws-business", "85000 USD"}, exitUsage},
	{"builtin-twice", []string{"quote", "--builtin", "aws", "--builtin", "default", "enhanced", "85000 USD"}, exitUsage},
	{"builtin-with-catalog", []string{"quote", "--builtin", "aws", "--catalog", "testdata/tiers.yaml", "gold", "85000 USD"}, exitUsage},
	{"builtin-check-with-files", []string{"check", "--builtin", "aws", "testdata/tiers.yaml"}, exitUsage},
	{"builtin-catalog-hint", []string{"quote", "--catalog", "aws", "aws-business", "85000 USD"}, exitInput},
	{"builtin-check-hint", []string{"check", "aws"}, exitInput},
}

func TestBuiltinGolden(t *testing.T) { runGolden(t, goldenBuiltin) }

// --catalog always reads a file, even one named like a shipped catalog:
// with a file called aws in the working directory, --catalog aws loads it
// and --builtin aws still selects the shipped catalog.
func TestCatalogFileNamedLikeABuiltin(t *testing.T) {
	dir := t.TempDir()
	src := "version: 1\ntiers:\n  mine:\n    name: Mine\n    response: {P1: 2h 24x7}\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "aws"), []byte(src), 0o600))
	t.Chdir(dir)

	tests := []struct {
		name string
		args []string
		code int
		out  string // a line the output contains
	}{
		{"--catalog reads the file", []string{"check", "--catalog", "aws"}, exitOK, "tiers      1: mine"},
		{"a FILE argument reads the file", []string{"check", "aws"}, exitOK, "tiers      1: mine"},
		{"--builtin names the shipped catalog", []string{"check", "--builtin", "aws"}, exitOK,
			"tiers      3: aws-developer, aws-business, aws-enterprise"},
		{"the file's tier", []string{"deadline", "--catalog", "aws", "--tier", "mine", "--priority", "P1",
			"--opened", "2026-03-02T10:00:00Z"}, exitOK, "2026-03-02T12:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, tt.args...)
			require.Equal(t, tt.code, code, stderr)
			assert.Empty(t, stderr)
			assert.Contains(t, stdout, tt.out)
		})
	}
}
