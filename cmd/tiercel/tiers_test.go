package main

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/slo"
)

var goldenTiers = []goldenCase{
	{"tiers", []string{"tiers"}, exitOK},
	{"tiers-aws", []string{"tiers", "--builtin", "aws"}, exitOK},
	{"tiers-file", []string{"tiers", "--catalog", "testdata/tiers.yaml"}, exitOK},
	{"tiers-json", []string{"tiers", "--catalog", "testdata/tiers.yaml", "--output", "json"}, exitOK},
	{"tiers-declared-metrics", []string{"tiers", "--catalog", "testdata/lifecycle.yaml"}, exitOK},
	{"tiers-ics-calendar", []string{"tiers", "--catalog", "../../examples/holidays/office.yaml"}, exitOK},
	{"tiers-argument", []string{"tiers", "gold"}, exitUsage},
	{"tiers-bad-catalog", []string{"tiers", "--catalog", "testdata/bad.yaml"}, exitInput},
	{"tiers-help", []string{"tiers", "--help"}, exitOK},
}

func TestTiersGolden(t *testing.T) { runGolden(t, goldenTiers) }

// TestTiersJSON reads tiers' JSON as a program would: the convention of
// package answer, and the numbers of the embedded catalog.
func TestTiersJSON(t *testing.T) {
	stdout, stderr, code := runCmd(t, "tiers", "--output", "json")
	require.Equal(t, exitOK, code, stderr)
	require.NoError(t, answer.Check([]byte(stdout)))
	var v struct {
		Tiers []struct {
			ID      string                                    `json:"id"`
			Targets map[string]map[string]*answer.Target      `json:"targets"`
			Prices  []struct{ Bands []struct{ Rate string } } `json:"prices"`
		} `json:"tiers"`
		Calendars []struct {
			ID     string          `json:"id"`
			Weekly answer.Duration `json:"weeklyOpen"`
		} `json:"calendars"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &v))
	require.Len(t, v.Tiers, 4)
	assert.Equal(t, "premium", v.Tiers[2].ID)
	assert.Equal(t, "15m 24x7", v.Tiers[2].Targets["response"]["P1"].Text)
	assert.Equal(t, int64(15*60), v.Tiers[2].Targets["response"]["P1"].Within.Seconds)
	assert.Len(t, v.Tiers[1].Prices[0].Bands, 4)
	weekly := map[string]int64{}
	for _, c := range v.Calendars {
		weekly[c.ID] = c.Weekly.Seconds
	}
	assert.Equal(t, map[string]int64{"24x7": 168 * 3600, "business": 40 * 3600, "looker-24x5": 120 * 3600}, weekly)
}

func TestWeeklyOpen(t *testing.T) {
	tests := []struct {
		name string
		spec slo.CalendarSpec
		want time.Duration
	}{
		{"24x7", slo.CalendarSpec{AlwaysOpen: true}, 168 * time.Hour},
		{"closed", slo.CalendarSpec{}, 0},
		{"split days", slo.CalendarSpec{Week: slo.Week{time.Monday: {{Start: 9 * time.Hour, End: 12 * time.Hour}, {Start: 13 * time.Hour, End: 17 * time.Hour}},
			time.Saturday: {{Start: 10 * time.Hour, End: 10*time.Hour + 30*time.Minute}}}}, 7*time.Hour + 30*time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, weeklyOpen(tt.spec)) })
	}
}

func TestClosedText(t *testing.T) {
	assert.Equal(t, "-", closedText(nil))
	assert.Equal(t, "2026-01-01, 2026-01-02", closedText([]string{"2026-01-01", "2026-01-02"}))
	assert.Equal(t, "a, b, c and 2 more", closedText([]string{"a", "b", "c", "d", "e"}))
}
