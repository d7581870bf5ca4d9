package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/golden"
	"github.com/tiercel/tiercel/rules"
)

// TestOutput runs the example as `go run ./examples/migration` does and
// checks its output.
func TestOutput(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, rules.Default(), contracts()))
	golden.Check(t, "testdata/output.golden", out.String())
	// The transition page's example: Enhanced keeps the SLOs, Standard
	// degrades P1 from 1h to 4h.
	assert.Regexp(t, `looker-premier \(now\) +contract's own +1h looker-24x5 `, out.String())
	assert.Regexp(t, `standard +2550.00 USD +4h business \(worse\) +4h business \(=\)`, out.String())
	assert.Regexp(t, `enhanced \* +6150.00 USD +1h 24x7 \(=\) +4h 24x7 \(=\) +8h business \(=\) +8h business \(=\) +yes`, out.String())
	assert.Contains(t, out.String(), "recommended (*): enhanced")
	assert.Contains(t, out.String(), "umbrella: enhanced")
}
