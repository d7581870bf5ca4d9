package main

import (
	"bytes"
	"os"
	"strings"
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
	// The proposed edit: ticket 203, vip and high, opened Wednesday 16:00
	// before Thanksgiving, is due Wednesday 17:00 (1 business hour), not
	// Monday 10:00, and breaches; so does urgent incident 201, answered in 7m.
	assert.Regexp(t, `first_reply_time +2 +0 +0 +4 +-113h +203`, out.String())
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

// edit is the proposed edit of the imported catalog: each line replaced,
// and how many times it is written there.
var edit = []struct {
	old, new string
	times    int
}{
	{"    within: 10m\n", "    within: 5m\n", 2}, // policy 36 "Incidents", urgent: response, first_reply_time
	{"    within: 2h\n", "    within: 1h\n", 4},  // policy 25 "VIP customers", high and normal, both schedules
}

// proposedHeader is the comment proposed.yaml opens with.
const proposedHeader = `# Proposed: catalog.yaml, the import, with two targets tightened before they
# are rolled out in Zendesk: urgent incidents get a first reply in 5 minutes
# (was 10, policy 36 "Incidents"), VIP tickets of high and normal priority
# in 1 business hour (was 2, policy 25 "VIP customers").
`

// TestProposedIsTheEdit keeps proposed.yaml the import with the edit and
// nothing else (go test -update rewrites it after the import changes).
func TestProposedIsTheEdit(t *testing.T) {
	src, err := catalog()
	require.NoError(t, err)
	for _, e := range edit {
		require.Equal(t, e.times, strings.Count(src, e.old), "the import writes %q", e.old)
		src = strings.ReplaceAll(src, e.old, e.new)
	}
	golden.Check(t, "proposed.yaml", proposedHeader+src)
}
