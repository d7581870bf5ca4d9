package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/golden"
)

// TestOutput runs the example as `go run ./examples/lynx-support` does.
func TestOutput(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, mainErr(&out))
	golden.Check(t, "testdata/output.golden", out.String())
	// The telephone rule decides the initial response.
	assert.Contains(t, out.String(), "initial response 1: from Thu 2 Jul 13:00, 1h support, due Thu 2 Jul 14:00, given Thu 2 Jul 13:40: on time [telephone]")
	// Thursday 15:30 + 4h of support hours skips the holiday and the
	// weekend: Thu 15:30-16:00, Mon 07:00-10:30.
	assert.Contains(t, out.String(), "follow-up 3: from Thu 2 Jul 15:30, 4h support, due Mon 6 Jul 10:30, given Mon 6 Jul 11:00: late by 30m0s")
	// Waiting on the customer stops the follow-up clock: Mon 11:00-16:00
	// (5h) is past 4h, but the wait from 11:00 to Tuesday 08:00 does not
	// count: due Tue 12:00.
	assert.Contains(t, out.String(), "follow-up 4: from Mon 6 Jul 11:00, 4h support, due Tue 7 Jul 12:00, given Tue 7 Jul 12:30: late by 30m0s (waited on the customer 21h0m0s)")
}
