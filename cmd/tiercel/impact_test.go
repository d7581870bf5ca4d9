package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const impactData = "testdata/impact/"

var impactArgs = []string{impactData + "old.yaml", impactData + "new.yaml", "--now", "2026-03-10T12:00:00+01:00", impactData + "cases.jsonl", "testdata/case.yaml"}

// goldenImpact holds the cases of case files and JSON-lines histories,
// then those of Zendesk exports (goldenImpactZendesk).
var goldenImpact = append([]goldenCase{
	{"impact", append([]string{"impact"}, impactArgs...), exitOK},
	{"impact-json", append([]string{"impact", "--output", "json"}, impactArgs...), exitOK},
	{"impact-builtin", []string{"impact", "--builtin", "default", impactData + "mine.yaml", "--now", "2026-03-12T12:00:00-04:00", impactData + "enhanced.jsonl"}, exitOK},
	{"impact-refused-case-file", []string{"impact", "--builtin", "default", impactData + "mine.yaml", "testdata/case.yaml"}, exitOK},
	{"impact-no-change", []string{"impact", impactData + "old.yaml", impactData + "old.yaml", "testdata/case.yaml"}, exitOK},
	{"impact-bad-jsonl", []string{"impact", impactData + "old.yaml", impactData + "new.yaml", impactData + "bad.jsonl"}, exitInput},
	{"impact-no-now", []string{"impact", impactData + "old.yaml", impactData + "new.yaml", impactData + "cases.jsonl"}, exitInput},
	{"impact-missing", []string{"impact", impactData + "old.yaml", impactData + "new.yaml", impactData + "nope.jsonl"}, exitInput},
	{"impact-two-args", []string{"impact", impactData + "old.yaml", impactData + "new.yaml"}, exitUsage},
	{"impact-builtin-one-arg", []string{"impact", "--builtin", "default", impactData + "mine.yaml"}, exitUsage},
	{"impact-help", []string{"impact", "--help"}, exitOK},
}, goldenImpactZendesk...)

func TestImpactGolden(t *testing.T) { runGolden(t, goldenImpact) }

// Impact reports and exits 0 whatever the report says: due instants moved,
// breaches gained, a history refused.
func TestImpactExitsZero(t *testing.T) {
	stdout, stderr, code := runCmd(t, append([]string{"impact", "--output", "json"}, impactArgs...)...)
	require.Equal(t, exitOK, code, stderr)
	var out struct {
		Histories, Refused int
		Errors             []string
		Total              struct {
			NewlyBreached  int
			Later, Earlier struct{ Count int }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	assert.Equal(t, 6, out.Histories)
	assert.Equal(t, 1, out.Refused)
	assert.Positive(t, out.Total.NewlyBreached)
	assert.Positive(t, out.Total.Later.Count)
	assert.Positive(t, out.Total.Earlier.Count)
	require.Len(t, out.Errors, 1)
	assert.Contains(t, out.Errors[0], "cases.jsonl:5:10: tier: unknown tier \"premium\"")
}

// --svg writes the distribution: a row per metric, a bar per bucket with
// its count in a tooltip.
func TestImpactSVG(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shifts.svg")
	_, stderr, code := runCmd(t, append([]string{"impact", "--svg", path}, impactArgs...)...)
	require.Equal(t, exitOK, code, stderr)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	svg := string(b)
	assert.Contains(t, svg, "<svg ")
	assert.Contains(t, svg, "<title>response, 1h-8h earlier: 2</title>")
	assert.Contains(t, svg, "<title>resolution, 8h-1d later: 2</title>")
	assert.Contains(t, svg, "<title>update, same: 7</title>")

	_, _, code = runCmd(t, append([]string{"impact", "--svg", filepath.Join(t.TempDir(), "no", "dir.svg")}, impactArgs...)...)
	assert.Equal(t, exitUsage, code, "a picture that cannot be written: a bad --svg")
}
