package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/internal/golden"
	"github.com/tiercel/tiercel/picture"
	"github.com/tiercel/tiercel/slo"
)

var goldenCompare = []goldenCase{
	{"compare", []string{"compare", "looker-premier", "standard"}, exitOK},
	{"compare-enhanced", []string{"compare", "looker-premier", "advanced"}, exitOK},
	{"compare-json", []string{"compare", "--output", "json", "looker-premier", "standard"}, exitOK},
	{"compare-flags-after", []string{"compare", "silver", "gold", "--catalog", "testdata/tiers.yaml"}, exitOK},
	{"compare-unknown-tier", []string{"compare", "looker-premier", "gold"}, exitUndecidable},
	{"compare-one-arg", []string{"compare", "looker-premier"}, exitUsage},
	{"compare-help", []string{"compare", "-h"}, exitOK},
	{"compare-window", []string{"compare", "looker-premier", "enhanced", "--zone", "America/New_York", "--from", "2026-03-02", "--to", "2026-03-16"}, exitOK},
	{"compare-window-tokyo", []string{"compare", "looker-premier", "enhanced", "--zone", "Asia/Tokyo", "--country", "jp", "--from", "2026-03-01", "--to", "2027-03-01"}, exitOK},
	{"compare-window-json", []string{"compare", "--output", "json", "looker-premier", "premium", "--zone", "America/New_York", "--from", "2026-03-02", "--to", "2026-03-16"}, exitOK},
	{"compare-window-no-zone", []string{"compare", "looker-premier", "enhanced", "--from", "2026-03-02", "--to", "2026-03-16"}, exitUndecidable},
}

func TestCompareGolden(t *testing.T) { runGolden(t, goldenCompare) }

// compareRows returns the CHANGE column of compare's table by priority.
func compareRows(t *testing.T, stdout string) map[string][]string {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	require.NotEmpty(t, lines)
	require.Equal(t, []string{"PRIORITY", "FROM", "TO", "CHANGE"}, strings.Fields(lines[0]))
	rows := map[string][]string{}
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		rows[f[0]] = f[1:]
	}
	return rows
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want map[string][]string // per priority: from, to and change, split on spaces
	}{
		{"degraded", []string{"looker-premier", "standard"}, map[string][]string{
			"P1": {"1h", "looker-24x5", "4h", "business", "degraded"},
			"P2": {"4h", "looker-24x5", "4h", "business", "unchanged"},
			"P3": {"8h", "looker-24x5", "8h", "business", "unchanged"},
			"P4": {"8h", "looker-24x5", "8h", "business", "unchanged"},
		}},
		{"the other way improves", []string{"standard", "looker-premier"}, map[string][]string{
			"P1": {"4h", "business", "1h", "looker-24x5", "improved"},
			"P2": {"4h", "business", "4h", "looker-24x5", "unchanged"},
			"P3": {"8h", "business", "8h", "looker-24x5", "unchanged"},
			"P4": {"8h", "business", "8h", "looker-24x5", "unchanged"},
		}},
		{"an alias, and a priority one tier lacks", []string{"--catalog", "testdata/tiers.yaml", "silver", "au"}, map[string][]string{
			"P1": {"4h", "office", "1h", "24x7", "improved"},
			"P2": {"8h", "office", "4h", "office", "improved"},
			"P3": {"-", "8h", "office", "added"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"compare"}, tt.args...)...)
			require.Equal(t, exitOK, code, stderr)
			assert.Empty(t, stderr)
			assert.Equal(t, tt.want, compareRows(t, stdout))
		})
	}
}

func TestCompareJSON(t *testing.T) {
	stdout, stderr, code := runCmd(t, "compare", "--output", "json", "looker-premier", "standard")
	require.Equal(t, exitOK, code, stderr)
	var got struct {
		From    string          `json:"from"`
		To      string          `json:"to"`
		Changes []answer.Change `json:"changes"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
	assert.Equal(t, "looker-premier", got.From)
	assert.Equal(t, "standard", got.To)
	require.Len(t, got.Changes, 4)
	assert.Equal(t, answer.Change{Priority: "P1", Change: "degraded", CalendarChanged: true,
		From: &answer.Target{Within: answer.Duration{Seconds: 3600, Text: "1h"}, Calendar: "looker-24x5", Text: "1h looker-24x5"},
		To:   &answer.Target{Within: answer.Duration{Seconds: 4 * 3600, Text: "4h"}, Calendar: "business", Text: "4h business"}}, got.Changes[0])
}

func TestCompareErrors(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no tier", nil, exitUsage, "want two tiers, FROM and TO; got 0 arguments"},
		{"one tier", []string{"standard"}, exitUsage, "got 1 argument\n"},
		{"three tiers", []string{"a", "b", "c"}, exitUsage, "got 3 arguments"},
		{"unknown tier", []string{"standard", "gold"}, exitUndecidable, `tiercel compare: unknown tier "gold"`},
		{"bad catalog", []string{"--catalog", "testdata/bad.yaml", "silver", "gold"}, exitInput, "testdata/bad.yaml:4:11: "},
		{"--from without --to", []string{"standard", "enhanced", "--from", "2026-03-02"}, exitUsage, "--from and --to go together: give both, or neither"},
		{"--to without --from", []string{"standard", "enhanced", "--to", "2026-03-02"}, exitUsage, "--from and --to go together"},
		{"--zone without a window", []string{"standard", "enhanced", "--zone", "Asia/Tokyo"}, exitUsage, "--zone needs a window: give --from and --to too"},
		{"--country without a window", []string{"standard", "enhanced", "--country", "us"}, exitUsage, "--country needs a window"},
		{"--svg without a window", []string{"standard", "enhanced", "--svg", "x.svg"}, exitUsage, "--svg needs a window"},
		{"inverted window", []string{"standard", "enhanced", "--zone", "UTC", "--from", "2026-03-02", "--to", "2026-03-01"}, exitUsage,
			"--to 2026-03-01T00:00:00Z is not after --from 2026-03-02T00:00:00Z: the window is empty"},
		{"empty window", []string{"standard", "enhanced", "--zone", "UTC", "--from", "2026-03-02", "--to", "2026-03-02"}, exitUsage, "the window is empty"},
		{"bad date", []string{"standard", "enhanced", "--from", "2026-02-30", "--to", "2026-03-02"}, exitUsage, `--from: invalid time "2026-02-30"`},
		{"bad zone", []string{"standard", "enhanced", "--zone", "Mars/Base", "--from", "2026-03-01", "--to", "2026-03-02"}, exitUsage, `--zone: unknown time zone "Mars/Base"`},
		{"zone required", []string{"looker-premier", "enhanced", "--from", "2026-03-01", "--to", "2026-03-02"}, exitUndecidable,
			"tiercel compare: --zone is required: a calendar of looker-premier or enhanced runs in the account's zone (e.g. --zone America/New_York)\n"},
		{"unknown country", []string{"looker-premier", "enhanced", "--zone", "UTC", "--country", "zz", "--from", "2026-03-01", "--to", "2026-03-02"}, exitUsage,
			`--country: invalid case: unknown holiday country "zz"`},
		{"window too long for the years", []string{"standard", "enhanced", "--zone", "UTC", "--from", "0001-01-02", "--to", "9999-01-01"}, exitUsage, "is longer than"},
		{"svg window over 10 years", []string{"standard", "enhanced", "--zone", "UTC", "--from", "2026-01-01", "--to", "2037-01-01", "--svg", "x.svg"}, exitUsage,
			"--svg: the window from 2026-01-01T00:00:00Z to 2037-01-01T00:00:00Z is longer than 10 years"},
		{"unwritable svg", []string{"looker-premier", "enhanced", "--zone", "UTC", "--from", "2026-03-01", "--to", "2026-03-02", "--svg", "testdata/no/such/dir/x.svg"}, exitUsage,
			"tiercel compare: --svg: open testdata/no/such/dir/x.svg: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"compare"}, tt.args...)...)
			assert.Equal(t, tt.code, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tt.stderr)
		})
	}
}

// The effective readings of the examples: what a move does to the
// deadlines of an account in a zone, over March 2026.
func TestCompareWindow(t *testing.T) {
	tests := []struct {
		name     string
		to, zone string
		want     map[string]string // priority: EFFECT
	}{
		{"enhanced in New York", "enhanced", "America/New_York", map[string]string{
			"P1": "improved (-48h, 0)", "P2": "improved (-48h, 0)", "P3": "degraded (0, +64h)", "P4": "degraded (0, +64h)",
		}},
		{"enhanced in Tokyo", "enhanced", "Asia/Tokyo", map[string]string{
			"P1": "improved (-48h, 0)", "P2": "improved (-48h, 0)", "P3": "mixed (-1h, +64h)", "P4": "mixed (-1h, +64h)",
		}},
		{"premium in New York", "premium", "America/New_York", map[string]string{
			"P1": "improved (-48h45m, -45m)", "P2": "improved (-50h, -2h)", "P3": "mixed (-52h, +12h)", "P4": "degraded (0, +64h)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, "compare", "looker-premier", tt.to, "--zone", tt.zone, "--from", "2026-03-02", "--to", "2026-03-16")
			require.Equal(t, exitOK, code, stderr)
			lines := strings.Split(stdout, "\n")
			require.Greater(t, len(lines), 5, stdout)
			header := lines[0]
			col := strings.Index(header, "EFFECT")
			end := strings.Index(header, "LATER")
			require.Positive(t, col)
			got := map[string]string{}
			for _, l := range lines[1:5] {
				got[l[:2]] = strings.TrimSpace(l[col:end])
			}
			assert.Equal(t, tt.want, got)
			assert.Contains(t, stdout, "by an account in "+tt.zone+".\n")
		})
	}
}

func TestCompareWindowJSON(t *testing.T) {
	stdout, stderr, code := runCmd(t, "compare", "--output", "json", "looker-premier", "enhanced",
		"--zone", "America/New_York", "--country", "us", "--from", "2026-03-02", "--to", "2026-03-16")
	require.Equal(t, exitOK, code, stderr)
	var got struct {
		Scope   map[string]string `json:"scope"`
		Changes []struct {
			Priority string          `json:"priority"`
			Effect   json.RawMessage `json:"effect"`
		} `json:"changes"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
	assert.Equal(t, map[string]string{"zone": "America/New_York", "country": "us",
		"from": "2026-03-02T00:00:00-05:00", "to": "2026-03-16T00:00:00-04:00"}, got.Scope)
	require.Len(t, got.Changes, 4)
	assert.Equal(t, "P3", got.Changes[2].Priority)
	assert.JSONEq(t, `{"kind": "degraded", "reading": "degraded (0, +64h)",
		"min": {"seconds": 0, "text": "0"}, "max": {"seconds": 230400, "text": "+64h"},
		"minAt": "2026-03-02T09:00:00-05:00", "maxAt": "2026-03-13T09:00:00.000000001-04:00",
		"earlier": {"seconds": 0, "text": "0s"}, "later": {"seconds": 1206000, "text": "335h"}}`, string(got.Changes[2].Effect))
}

// Without a window, compare prints no effect, in text or JSON.
func TestCompareWithoutWindowHasNoEffect(t *testing.T) {
	stdout, stderr, code := runCmd(t, "compare", "--output", "json", "looker-premier", "enhanced")
	require.Equal(t, exitOK, code, stderr)
	assert.NotContains(t, stdout, "effect")
	assert.NotContains(t, stdout, "scope")
}

func TestTargetOrNone(t *testing.T) {
	assert.Equal(t, "-", targetOrNone(slo.Target{}))
	assert.Equal(t, "1h 24x7", targetOrNone(slo.Target{Within: time.Hour, Calendar: "24x7"}))
	assert.Equal(t, "30m", targetOrNone(slo.Target{Within: 30 * time.Minute}))
}

// --svg writes a well-formed picture of every priority's week; the known
// cell (P3 opened Friday 10:00 in New York, due up to 64h later) is drawn
// in the darkest "later" colour.
func TestCompareSVG(t *testing.T) {
	path := filepath.Join(t.TempDir(), "effect.svg")
	stdout, stderr, code := runCmd(t, "compare", "looker-premier", "enhanced", "--zone", "America/New_York", "--country", "us",
		"--from", "2026-03-02", "--to", "2026-03-16", "--svg", path)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "degraded (0, +64h)")
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var doc struct {
		Groups []struct {
			ID    string `xml:"id,attr"`
			Rects []struct {
				Class    string `xml:"class,attr"`
				Priority string `xml:"data-priority,attr"`
				Day      string `xml:"data-day,attr"`
				Hour     string `xml:"data-hour,attr"`
				Fill     string `xml:"fill,attr"`
			} `xml:"rect"`
		} `xml:"g"`
	}
	require.NoError(t, xml.Unmarshal(b, &doc))
	cells, legend, known := 0, false, ""
	for _, g := range doc.Groups {
		legend = legend || g.ID == "legend"
		for _, r := range g.Rects {
			if r.Class == "cell" {
				cells++
			}
			if r.Priority == "P3" && r.Day == "Fri" && r.Hour == "10" {
				known = r.Fill
			}
		}
	}
	assert.Equal(t, 4*7*24, cells)
	assert.True(t, legend, "legend")
	assert.Equal(t, picture.LaterColors[len(picture.LaterColors)-1], known)
}

// The README's picture is what the command draws today (rerun with -update
// after a change of the drawing, then render the PNG again).
func TestCompareSVGInDocs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "effect.svg")
	_, stderr, code := runCmd(t, "compare", "looker-premier", "enhanced", "--zone", "America/New_York", "--country", "us",
		"--from", "2026-03-01", "--to", "2027-03-01", "--svg", path)
	require.Equal(t, exitOK, code, stderr)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	golden.Check(t, "../../docs/effect-new-york.svg", string(b))
}

// The table names the instant of an extreme exactly: before, a maximum
// reached one nanosecond after 09:00 read "09:00", where nothing changes.
func TestExtremeText(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	at := time.Date(2026, 5, 22, 9, 0, 0, 0, ny)
	tests := []struct {
		name  string
		t     time.Time
		given bool
		want  string
	}{
		{"none", at, false, "-"},
		{"0001-01-01 is an instant", time.Time{}, true, "0001-01-01T00:00:00Z"},
		{"whole second", at, true, "2026-05-22T09:00:00-04:00"},
		{"just after", at.Add(time.Nanosecond), true, "just after 2026-05-22T09:00:00-04:00"},
		{"other", at.Add(1500 * time.Millisecond), true, "2026-05-22T09:00:01.5-04:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, extremeText(tt.t, tt.given))
		})
	}
}

// A year of Looker Premier to Enhanced in New York with US holidays: the
// largest delay of a P3 is reached just after 09:00 on the Friday before
// Memorial Day, and the table says so.
func TestCompareJustAfter(t *testing.T) {
	stdout, stderr, code := runCmd(t, "compare", "looker-premier", "enhanced", "--zone", "America/New_York", "--country", "us", "--from", "2026-03-01", "--to", "2027-03-01")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "mixed (-83h, +88h)")
	assert.Contains(t, stdout, "just after 2026-05-22T09:00:00-04:00")
}

// An extreme reached at the first opening of a window from
// 0001-01-01T00:00:00Z is shown at that instant: a constant delay is
// largest from the first opening on (it read "-", none, as if the deadline
// never moved later).
func TestCompareExtremeAtYearOne(t *testing.T) {
	catalog := filepath.Join(t.TempDir(), "catalog.yaml")
	require.NoError(t, os.WriteFile(catalog, []byte("version: 1\ntiers:\n  a: {name: A, response: {P1: 1h 24x7}}\n  b: {name: B, response: {P1: 2h 24x7}}\n"), 0o600))
	for _, from := range []string{"0001-01-01T00:00:00Z", "2026-01-01T00:00:00Z"} {
		t.Run(from, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, "compare", "--catalog", catalog, "a", "b", "--from", from, "--to", from[:8]+"08T00:00:00Z")
			require.Equal(t, exitOK, code, stderr)
			assert.Contains(t, stdout, "degraded (+1h, +1h)  100%   0%       "+from+"  -\n", "the largest delay at the first opening; no advance")
		})
	}
}
