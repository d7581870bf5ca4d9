package main

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
)

var update = flag.Bool("update", false, "rewrite testdata/output.golden")

// TestCatalogSuite runs the catalog's own YAML test suite.
func TestCatalogSuite(t *testing.T) {
	rules.RunSuite(t, "tiers_test.yaml")
}

// TestOutput runs the example as `go run ./examples/custom-tiers` does.
func TestOutput(t *testing.T) {
	e, err := rules.Compile("tiers.yaml", catalog)
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, run(&out, e))
	if *update {
		require.NoError(t, os.WriteFile("testdata/output.golden", out.Bytes(), 0o644))
	}
	want, err := os.ReadFile("testdata/output.golden")
	require.NoError(t, err)
	assert.Equal(t, string(want), out.String())
	// The lunch break and the rule show in the output.
	assert.Contains(t, out.String(), "Mon 2 Mar 15:00  4h office")
	assert.Contains(t, out.String(), "production-outage-on-call")
	assert.Contains(t, out.String(), "Tue 7 Apr 15:00")
}
