package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
)

var goldenCatalog = []goldenCase{
	{"catalog-help", []string{"catalog", "--help"}, exitOK},
	{"catalog-with-file", []string{"catalog", "--catalog", "testdata/tiers.yaml"}, exitUsage},
	{"catalog-json", []string{"catalog", "--builtin", "aws", "--output", "json"}, exitOK},
	{"catalog-argument", []string{"catalog", "aws"}, exitUsage},
	{"catalog-unknown", []string{"catalog", "--builtin", "gcp"}, exitUsage},
}

func TestCatalogGolden(t *testing.T) { runGolden(t, goldenCatalog) }

// TestCatalogPrintsTheShippedSource checks that catalog prints each shipped
// catalog byte for byte, and that what it prints compiles into the tiers
// of the shipped engine: a start for one's own catalog.
func TestCatalogPrintsTheShippedSource(t *testing.T) {
	for _, name := range rules.Catalogs() {
		t.Run(name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, "catalog", "--builtin", name)
			require.Equal(t, exitOK, code, stderr)
			want, err := rules.NamedCatalog(name)
			require.NoError(t, err)
			assert.Equal(t, string(want), stdout)
			e, err := rules.Compile(name+".yaml", []byte(stdout))
			require.NoError(t, err)
			shipped, err := rules.Named(name)
			require.NoError(t, err)
			assert.Equal(t, shipped.Tiers(), e.Tiers())
		})
	}
	stdout, _, code := runCmd(t, "catalog")
	require.Equal(t, exitOK, code)
	def, err := rules.NamedCatalog("default")
	require.NoError(t, err)
	assert.Equal(t, string(def), stdout, "the embedded default without --builtin")
}
