package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/golden"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/suite"
)

// TestCatalogSuite runs the catalog's own YAML test suite.
func TestCatalogSuite(t *testing.T) {
	suite.Run(t, "tiers_test.yaml")
}

// TestOutput runs the example as `go run ./examples/custom-tiers` does.
func TestOutput(t *testing.T) {
	e, err := rules.Compile("tiers.yaml", catalog)
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, run(&out, e))
	golden.Check(t, "testdata/output.golden", out.String())
	// The lunch break and the rule show in the output.
	assert.Contains(t, out.String(), "Mon 2 Mar 15:00  4h office")
	assert.Contains(t, out.String(), "production-outage-on-call")
	assert.Contains(t, out.String(), "Tue 7 Apr 15:00")
	// The pending night pauses the update clock; the reopening continues
	// the resolution clock, the solved time paused.
	assert.Contains(t, out.String(), "update      Mon 12:45  2h 24x7  Tue 11:00")
	assert.Contains(t, out.String(), "resolution  Mon 10:00  8h 24x7  Tue 18:45  Tue 14:40  achieved  3h55m0s  24h45m0s")
}
