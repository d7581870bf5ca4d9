package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Rows are checked after they are read, whatever the format; errors are
// capped, and the file must be a regular file.
func TestReadHistoryErrors(t *testing.T) {
	many := "opened,priority\n" + strings.Repeat("yesterday,P3\n", 25)
	runReplayErrors(t, []replayError{
		{"an unknown zone", "h.csv", "opened,priority,zone\n2026-03-06T10:00:00Z,P3,Mars/Base\n", nil, exitInput,
			[]string{`%s:2:25: zone: unknown time zone "Mars/Base": want an IANA name such as America/New_York`}},
		{"an opening outside RFC 3339's years", "h.csv", "opened,priority\n0001-01-01T00:00:00+01:00,P3\n", nil, exitInput,
			[]string{"%s:2:1: opened: opened 0001-01-01T00:00:00+01:00 is 0000-12-31T23:00:00Z in UTC, outside years 0001-9999"}},
		{"a missing opening", "h.csv", "opened,priority\n,P3\n", nil, exitInput, []string{"%s:2:1: opened: missing: want an RFC 3339 instant such as 2026-03-02T10:00:00Z"}},
		{"errors are capped", "h.csv", many, nil, exitInput, append(capped(), "%s: 15 more errors not shown")},
		{"a directory", "", "", []string{"--from", "looker-premier", "--to", "enhanced", "--format", "csv", "testdata"}, exitInput,
			[]string{"tiercel replay: testdata: not a regular file (a directory)"}},
		{"a device", "", "", []string{"--from", "looker-premier", "--to", "enhanced", "--format", "csv", "/dev/zero"}, exitInput,
			[]string{"tiercel replay: /dev/zero: not a regular file"}},
	})
}

// capped is what the first ten of many bad openings print.
func capped() []string {
	var out []string
	for line := 2; line < 12; line++ {
		out = append(out, fmt.Sprintf(`%%s:%d:1: opened: invalid time "yesterday": want RFC 3339 such as 2026-03-02T10:00:00Z`, line))
	}
	return out
}

// A file over the size limit is refused before it is read.
func TestReplayTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.csv")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(17<<20)) // sparse: no 17 MiB written
	require.NoError(t, f.Close())
	stdout, stderr, code := runCmd(t, "replay", "--from", "looker-premier", "--to", "enhanced", path)
	assert.Equal(t, exitInput, code)
	assert.Empty(t, stdout)
	assert.Equal(t, "tiercel replay: "+path+": larger than the 16 MiB limit\n", stderr)
}
