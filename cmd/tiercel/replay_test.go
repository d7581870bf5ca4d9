package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
)

// sample is the example's year of cases, from New York and Tokyo.
const sample = "../../examples/replay/cases.csv"

var goldenReplay = []goldenCase{
	{"replay", []string{"replay", "--from", "looker-premier", "--to", "enhanced", sample}, exitOK},
	{"replay-json", []string{"replay", "--output", "json", "--from", "looker-premier", "--to", "premium", sample}, exitOK},
	{"replay-jsonl", []string{"replay", "--from", "looker-premier", "--to", "enhanced", "testdata/cases.jsonl"}, exitOK},
	{"replay-bad-rows", []string{"replay", "--from", "looker-premier", "--to", "enhanced", "testdata/badcases.csv"}, exitInput},
	{"replay-missing-file", []string{"replay", "--from", "looker-premier", "--to", "enhanced", "testdata/nope.csv"}, exitInput},
	{"replay-unknown-tier", []string{"replay", "--from", "looker-premier", "--to", "gold", sample}, exitUndecidable},
	{"replay-help", []string{"replay", "--help"}, exitOK},
}

func TestReplayGolden(t *testing.T) { runGolden(t, goldenReplay) }

// writeFile writes content to name in a new temporary directory and
// returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

func TestReplay(t *testing.T) {
	tests := []struct {
		name, file, content string
		args                []string
		want                map[string]int // counts of the JSON report
		maxLater            string
	}{
		{"CSV, header in capitals, an attribute column", "h.csv",
			"Opened, Priority, Zone, Country, Plan\n2026-03-13T10:00:00-04:00,P3,America/New_York,us,gold\n2026-03-09T10:00:00-04:00,P3,America/New_York,us,\n",
			nil, map[string]int{"cases": 2, "later": 2, "earlier": 0, "same": 0}, "+64h"},
		{"JSON lines", "h.jsonl",
			`{"opened": "2026-03-06T19:30:00-05:00", "priority": "P1", "zone": "America/New_York"}` + "\n",
			nil, map[string]int{"cases": 1, "later": 0, "earlier": 1, "same": 0}, "0"},
		{"--format overrides the extension", "h.txt",
			`{"opened": "2026-03-09T10:00:00-04:00", "priority": "P1", "zone": "America/New_York"}`,
			[]string{"--format", "jsonl"}, map[string]int{"cases": 1, "later": 0, "earlier": 0, "same": 1}, "0"},
		{"a byte order mark and CRLF, as spreadsheets write", "h.csv",
			"\ufeffopened,priority,zone\r\n2026-03-13T10:00:00-04:00,P3,America/New_York\r\n",
			nil, map[string]int{"cases": 1, "later": 1, "earlier": 0, "same": 0}, "+64h"},
		{"JSON lines with a byte order mark", "h.jsonl",
			"\ufeff" + `{"opened": "2026-03-13T10:00:00-04:00", "priority": "P3", "zone": "America/New_York", "attrs": {"vip": true, "seats": 12, "ratio": 0.5}}` + "\r\n",
			nil, map[string]int{"cases": 1, "later": 1, "earlier": 0, "same": 0}, "+64h"},
		{"a header and no case", "h.csv", "opened,priority\n", nil, map[string]int{"cases": 0, "later": 0, "earlier": 0, "same": 0}, "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, tt.file, tt.content)
			args := append([]string{"replay", "--from", "looker-premier", "--to", "enhanced", "--output", "json", path}, tt.args...)
			stdout, stderr, code := runCmd(t, args...)
			require.Equal(t, exitOK, code, stderr)
			var got map[string]any
			require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
			for k, v := range tt.want {
				assert.EqualValues(t, v, got[k], k)
			}
			assert.Equal(t, tt.maxLater, got["maxLater"].(map[string]any)["text"])
		})
	}
}

// Attributes reach the catalog's rules: on silver, a production P1 is due
// in 2h of 24x7 (rule production-down) instead of 4h of office hours, so
// on gold (1h 24x7) it is 1h earlier rather than 4h.
func TestReplayAttrs(t *testing.T) {
	tests := []struct{ name, file, content, maxEarlier string }{
		{"a CSV column", "h.csv", "opened,priority,production\n2026-03-06T10:00:00+01:00,P1,true\n", "-1h"},
		{"an empty CSV cell sets nothing", "h.csv", "opened,priority,production\n2026-03-06T10:00:00+01:00,P1,\n", "-4h"},
		{"JSON attrs", "h.jsonl", `{"opened": "2026-03-06T10:00:00+01:00", "priority": "P1", "attrs": {"production": true}}`, "-1h"},
		{"a string is not the boolean", "h.jsonl", `{"opened": "2026-03-06T10:00:00+01:00", "priority": "P1", "attrs": {"production": "yes"}}`, "-4h"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, tt.file, tt.content)
			stdout, stderr, code := runCmd(t, "replay", "--catalog", "testdata/tiers.yaml", "--from", "silver", "--to", "gold", "--output", "json", path)
			require.Equal(t, exitOK, code, stderr)
			var got struct {
				MaxEarlier answer.Duration `json:"maxEarlier"`
			}
			require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
			assert.Equal(t, tt.maxEarlier, got.MaxEarlier.Text)
		})
	}
}

// The sample history: the command reads the example's CSV and agrees with
// the example's own report (all cases: 228 later, 65 earlier, 107 the same).
func TestReplaySample(t *testing.T) {
	stdout, stderr, code := runCmd(t, "replay", "--from", "looker-premier", "--to", "enhanced", sample)
	require.Equal(t, exitOK, code, stderr)
	assert.Regexp(t, `(?m)^all +400 +228 +65 +107 +\+112h +-73h `, stdout)
	assert.Contains(t, stdout, "400 cases from "+sample+", replayed from looker-premier to enhanced.")
}

// replayError is a replay that fails: its history (no file when file is
// empty), and the exit status and first lines of stderr it must give.
type replayError struct {
	name, file, content string
	args                []string // replaces the default flags when set; @FILE is the history's path
	code                int
	stderr              []string // each line, in order, from the start; %s is the history's path
}

// runReplayErrors replays each test's history and checks that it fails as
// the test says, with nothing on stdout.
func runReplayErrors(t *testing.T, tests []replayError) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := ""
			if tt.file != "" {
				path = writeFile(t, tt.file, tt.content)
			}
			args := []string{"replay", "--from", "looker-premier", "--to", "enhanced", path}
			if tt.args != nil {
				args = []string{"replay"}
				for _, a := range tt.args {
					args = append(args, strings.ReplaceAll(a, "@FILE", path))
				}
			}
			stdout, stderr, code := runCmd(t, args...)
			assert.Equal(t, tt.code, code, stderr)
			assert.Empty(t, stdout)
			lines := strings.Split(stderr, "\n")
			require.GreaterOrEqual(t, len(lines), len(tt.stderr), stderr)
			for i, want := range tt.stderr {
				if strings.Contains(want, "%s") {
					want = fmt.Sprintf(want, path)
				}
				if strings.HasPrefix(want, "tiercel replay: invalid history: /dev/zero") {
					assert.True(t, strings.HasPrefix(lines[i], want), lines[i])
					continue
				}
				assert.Equal(t, strings.ReplaceAll(want, "@FILE", path), lines[i])
			}
		})
	}
}

func TestReplayErrors(t *testing.T) {
	runReplayErrors(t, []replayError{
		{"a case a calendar cannot decide", "h.csv", "opened,priority\n2026-03-06T10:00:00Z,P3\n", nil, exitUndecidable,
			[]string{`%s:2: on enhanced: zone required: calendar "business" runs in the account's zone and the case gives none`}},
		{"no --to", "h.csv", "", []string{"--from", "looker-premier", "@FILE"}, exitUsage, []string{"tiercel replay: --to is required"}},
		{"no file", "", "", []string{"--from", "looker-premier", "--to", "enhanced"}, exitUsage, []string{"tiercel replay: want one history FILE; got 0 arguments"}},
		{"an unknown extension", "h.txt", "", []string{"--from", "looker-premier", "--to", "enhanced", "@FILE"}, exitUsage,
			[]string{`tiercel replay: cannot tell the format of "@FILE" from its extension: give --format csv or --format jsonl`}},
		{"an unknown format", "h.csv", "", []string{"--from", "looker-premier", "--to", "enhanced", "--format", "xml", "@FILE"}, exitUsage,
			[]string{`tiercel replay: --format must be csv or jsonl, got "xml"`}},
	})
}

// BenchmarkReplayCommand reads and replays a history of 100,000 cases
// (about 6 MiB of CSV), from New York and Tokyo, as the command does.
func BenchmarkReplayCommand(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("opened,priority,zone,country\n")
	start := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	zones := []string{"America/New_York,us", "Asia/Tokyo,jp"}
	for i := range 100_000 {
		opened := start.Add(time.Duration(i) * 5 * time.Minute)
		fmt.Fprintf(&sb, "%s,P%d,%s\n", opened.Format(time.RFC3339), 1+i%4, zones[i%2])
	}
	path := filepath.Join(b.TempDir(), "cases.csv")
	require.NoError(b, os.WriteFile(path, []byte(sb.String()), 0o644))
	args := []string{"replay", "--from", "looker-premier", "--to", "enhanced", "--output", "json", path}
	b.ReportAllocs()
	for b.Loop() {
		if code := run(args, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

// The history is read by package input (its tests cover each error);
// replay prints its positioned errors, and what it cannot read, with exit
// status 3.
func TestReplayInputErrors(t *testing.T) {
	runReplayErrors(t, []replayError{
		{"an unknown zone", "h.csv", "opened,priority,zone\n2026-03-06T10:00:00Z,P3,Mars/Base\n", nil, exitInput,
			[]string{`%s:2:25: zone: unknown time zone "Mars/Base": want an IANA name such as America/New_York`}},
		{"a JSON key in capitals", "h.jsonl", `{"opened": "2026-03-06T10:00:00Z", "priority": "P3", "ZONE": "Asia/Tokyo"}`, nil, exitInput,
			[]string{`%s:1:54: ZONE: unknown key "ZONE" (want one of opened, priority, zone, country, language, account, attrs)`}},
		{"a directory", "", "", []string{"--from", "looker-premier", "--to", "enhanced", "--format", "csv", "testdata"}, exitInput,
			[]string{"tiercel replay: invalid history: testdata: not a regular file (a directory)"}},
		{"a device", "", "", []string{"--from", "looker-premier", "--to", "enhanced", "--format", "csv", "/dev/zero"}, exitInput,
			[]string{"tiercel replay: invalid history: /dev/zero: not a regular file"}},
	})
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
	assert.Equal(t, "tiercel replay: invalid history: "+path+": larger than the 16 MiB limit\n", stderr)
}
