package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/golden"
)

// TestOutput runs the example as `go run ./examples/zendesk` does.
func TestOutput(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out))
	golden.Check(t, "testdata/output.golden", out.String())
	// Ticket 101, opened Thursday 16:00 before the holiday: 1h Thursday,
	// 7h Monday.
	assert.Regexp(t, `101 +response +agree +Mon Jul 6 16:00 +Mon Jul 6 11:00`, out.String())
	assert.Contains(t, out.String(), "Zendesk's breaches the catalog says were met: [{102 response 1}]")
	assert.Contains(t, out.String(), "The catalog's breaches Zendesk did not record: [{103 response 1}]")
}
