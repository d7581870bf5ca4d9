package main

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/golden"
)

// TestOutput runs the example as `go run ./examples/zendesk-policies` does.
func TestOutput(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out))
	golden.Check(t, "testdata/output.golden", out.String())
	// Two business hours from Wednesday 16:00: one that day, Thanksgiving
	// and the day after closed, the weekend, then Monday 09:00-10:00.
	assert.Contains(t, out.String(), "vip, high                  Mon 30 Nov 10:00 PST")
	assert.Contains(t, out.String(), "vip incident, urgent       none")
}

// TestCatalogIsTheImport keeps catalog.yaml what tiercel import zendesk
// writes from the three documents.
func TestCatalogIsTheImport(t *testing.T) {
	src, err := catalog()
	require.NoError(t, err)
	golden.Check(t, "catalog.yaml", src)
	file, err := os.ReadFile("catalog.yaml")
	require.NoError(t, err)
	assert.Equal(t, src, string(file))
}
