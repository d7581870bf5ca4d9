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

// TestOutput runs the example as `go run ./examples/migration` does and
// checks its output.
func TestOutput(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, rules.Default(), contracts()))
	if *update {
		require.NoError(t, os.WriteFile("testdata/output.golden", out.Bytes(), 0o644))
	}
	want, err := os.ReadFile("testdata/output.golden")
	require.NoError(t, err)
	assert.Equal(t, string(want), out.String())
	// The transition page's example: Enhanced keeps the SLOs, Standard
	// degrades P1 from 1h to 4h.
	assert.Regexp(t, `looker-premier \(now\) +contract's own +1h looker-24x5 `, out.String())
	assert.Regexp(t, `standard +2550.00 USD +4h business \(worse\) +4h business \(=\)`, out.String())
	assert.Regexp(t, `enhanced \* +6150.00 USD +1h 24x7 \(=\) +4h 24x7 \(=\) +8h business \(=\) +8h business \(=\) +yes`, out.String())
	assert.Contains(t, out.String(), "recommended (*): enhanced")
	assert.Contains(t, out.String(), "umbrella: enhanced")
}
