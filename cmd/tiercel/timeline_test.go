package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/readfile/readfiletest"
)

const lifecycleCatalog = "testdata/lifecycle.yaml"

var goldenTimeline = []goldenCase{
	{"timeline", []string{"timeline", "--catalog", lifecycleCatalog, "testdata/case.yaml"}, exitOK},
	{"timeline-json", []string{"timeline", "--catalog", lifecycleCatalog, "--output", "json", "testdata/case.yaml"}, exitOK},
	{"timeline-json-input", []string{"timeline", "--catalog", lifecycleCatalog, "testdata/case.json"}, exitOK},
	{"timeline-disorder", []string{"timeline", "--catalog", lifecycleCatalog, "testdata/case-disorder.yaml"}, exitInput},
	{"timeline-bad-file", []string{"timeline", "--catalog", lifecycleCatalog, "testdata/bad-case.yaml"}, exitInput},
	{"timeline-missing-file", []string{"timeline", "--catalog", lifecycleCatalog, "testdata/no-such-case.yaml"}, exitInput},
	{"timeline-unknown-tier", []string{"timeline", "testdata/case.yaml"}, exitUndecidable},
	{"timeline-no-argument", []string{"timeline", "--catalog", lifecycleCatalog}, exitUsage},
	{"timeline-help", []string{"timeline", "--help"}, exitOK},
}

func TestTimelineGolden(t *testing.T) { runGolden(t, goldenTimeline) }

// The JSON answer for the example case: what the case file's comments
// promise, computed by hand on the Berlin office calendar.
func TestTimelineJSON(t *testing.T) {
	stdout, stderr, code := runCmd(t, "timeline", "--catalog", lifecycleCatalog, "--output", "json", "testdata/case.yaml")
	require.Equal(t, exitOK, code, stderr)
	var raw struct {
		Priority, Status string
		Metrics          []struct {
			Metric string
			Cycles []map[string]any
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &raw), stdout)
	assert.Equal(t, "P2", raw.Priority, "raised on Monday")
	assert.Equal(t, "open", raw.Status)
	cycles := map[string][]map[string]any{}
	for _, m := range raw.Metrics {
		cycles[m.Metric] = m.Cycles
	}
	tests := []struct {
		name, metric string
		cycle        int
		field        string
		want         any
	}{
		// Thu 10-17 (7h), Fri 9-11 (2h), paused to Mon 10:00, Mon 10-17 (7h):
		// P2's 16h office is due Mon 17:00, retargeted from the opening.
		{"resolution due", "resolution", 0, "due", "2026-03-09T17:00:00+01:00"},
		{"resolution paused over the weekend", "resolution", 0, "paused", "71h"},
		{"resolution breached", "resolution", 0, "breached", true},
		{"resolution overdue at now", "resolution", 0, "overdue", "19h"},
		{"resolution elapsed", "resolution", 0, "elapsed", "19h"},
		{"resolution target from the raised priority", "resolution", 0, "target", "16h office"},
		{"resolution state", "resolution", 0, "state", "running"},
		// Thu 15-17 (2h), Fri 9-11 (2h): the reply after 4h of 8h.
		{"first reply in time", "nextReply", 0, "breached", false},
		{"first reply elapsed", "nextReply", 0, "elapsed", "4h"},
		// Mon 10:00 + P2's 4h office = 14:00; the reply came at 16:00.
		{"second reply late", "nextReply", 1, "overdue", "2h"},
		{"second reply due", "nextReply", 1, "due", "2026-03-09T14:00:00+01:00"},
		{"response achieved", "response", 0, "end", "2026-03-05T11:00:00+01:00"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Greater(t, len(cycles[tc.metric]), tc.cycle)
			assert.Equal(t, tc.want, textOf(t, cycles[tc.metric][tc.cycle][tc.field]))
		})
	}
	t.Run("warnings", func(t *testing.T) {
		w := cycles["resolution"][0]["warnings"].([]any)
		require.Len(t, w, 2)
		assert.Equal(t, map[string]any{"percent": 50.0, "at": "2026-03-06T10:00:00+01:00", "reached": true}, w[0])
	})
}

// textOf returns the text of a duration or target of a JSON answer, after
// checking that a duration's seconds say what its text says; other values
// as they are.
func textOf(t *testing.T, v any) any {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	if secs, ok := m["seconds"]; ok {
		d, err := time.ParseDuration(m["text"].(string))
		require.NoError(t, err)
		assert.InDelta(t, d.Seconds(), secs, 0, "seconds of %v", m)
	}
	return m["text"]
}

// Bad input ends with a clear error and its exit status, never a panic.
func TestTimelineHostile(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	readfiletest.Fifo(t, at("pipe.yaml"))
	write := func(name, src string) string {
		require.NoError(t, os.WriteFile(at(name), []byte(src), 0o600))
		return at(name)
	}
	head := "tier: std\npriority: P2\nopened: 2026-03-02T09:00:00Z\nnow: 2026-03-02T18:00:00Z\n"
	aliases := head + "attrs: &a {x: [&b [1, 2, 3, 4, 5, 6, 7, 8, 9]]}\n" + "events:\n"
	for i := range 200 {
		aliases += "  - {at: 2026-03-02T10:00:00Z, type: note, attrs: {n: *a, i: " + strconv.Itoa(i) + "}}\n"
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"a fifo", []string{at("pipe.yaml")}, exitInput, "tiercel timeline: invalid case file: " + at("pipe.yaml") + ": not a regular file (a fifo)"},
		{"a directory", []string{dir}, exitInput, "not a regular file (a directory)"},
		{"/dev/zero", []string{"/dev/zero"}, exitInput, "not a regular file (a character device)"},
		{"binary junk", []string{write("junk.yaml", "\x00\x01\x02\xff")}, exitInput, at("junk.yaml") + ":1:1: "},
		{"a list", []string{write("list.yaml", "- 1\n- 2\n")}, exitInput, at("list.yaml") + ":1:1: must be a mapping"},
		{"now before the opening", []string{write("early.yaml", strings.Replace(head, "T18", "T08", 1))}, exitInput,
			at("early.yaml") + ":4:6: now: now 2026-03-02T08:00:00Z is before the case opened at 2026-03-02T09:00:00Z"},
		{"a year past 9999 in the zone", []string{write("far.yaml", "tier: std\npriority: P4\nopened: 9999-12-31T22:00:00Z\nnow: 9999-12-31T23:00:00Z\nzone: Asia/Tokyo\n")},
			exitLimit, "far.yaml: opened 10000-01-01T07:00:00+09:00 is outside years 0001-9999"},
		{"shared attrs", []string{write("aliases.yaml", aliases)}, exitOK, ""},
		{"--svg in a missing folder", []string{"--svg", at("no/such/dir/x.svg"), "testdata/case.yaml"}, exitUsage, "tiercel timeline: --svg: open " + at("no/such/dir/x.svg")},
		{"two files", []string{"testdata/case.yaml", "testdata/case.json"}, exitUsage, "want one case file, got 2 arguments"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"timeline", "--catalog", lifecycleCatalog}, tc.args...)...)
			assert.Equal(t, tc.code, code, "stdout:\n%s\nstderr:\n%s", stdout, stderr)
			if tc.want == "" {
				assert.Empty(t, stderr)
			}
			assert.Contains(t, stderr, tc.want)
			assert.NotContains(t, stderr, "goroutine")
			assert.NotContains(t, stderr, "panic")
		})
	}
}

// The table says which clock each duration is on: the resolution of the
// example case has run 19h of open time and is 19h past due in wall time
// (due Monday 17:00, now Tuesday 12:00), two different clocks side by side
// (issue 18).
func TestTimelineTableNamesClocks(t *testing.T) {
	stdout, stderr, code := runCmd(t, "timeline", "--catalog", lifecycleCatalog, "testdata/case.yaml")
	require.Equal(t, exitOK, code, stderr)
	header := ""
	for _, line := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(line, "METRIC") {
			header = line
		}
	}
	for _, col := range []string{"ELAPSED (OPEN)", "PAUSED (WALL)", "BREACHED (WALL)"} {
		assert.Contains(t, header, col)
	}
	assert.Contains(t, stdout, "OPEN: time on the target's calendar, pauses excluded. WALL: time on the clock, every hour counted.")
}
