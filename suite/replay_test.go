package suite

import (
	"testing"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func TestReplayRows(t *testing.T) {
	got := rules.ReplayReport{
		Delays: rules.Delays{Cases: 3, Later: 1, Earlier: 1, Same: 1, MaxLater: 64 * time.Hour, MaxEarlier: 48 * time.Hour, Median: 0, P90: 64 * time.Hour},
		ByPriority: map[slo.Priority]rules.Delays{
			slo.P1: {Cases: 2, Earlier: 1, Same: 1, MaxEarlier: 48 * time.Hour, Median: -48 * time.Hour},
			slo.P3: {Cases: 1, Later: 1, MaxLater: 64 * time.Hour, Median: 64 * time.Hour, P90: 64 * time.Hour},
		},
	}
	checkRows(t, replayRows, got, []rowsTest{
		{"all match", "{cases: 3, later: 1, earlier: 1, same: 1, maxLater: 64h, maxEarlier: 48h, median: 0, p90: +64h, byPriority: {P1: {median: -48h}, p3: {later: 1}}}", nil},
		{"every row differs, in row order", "{p90: 1h, median: 1h, maxEarlier: 1h, maxLater: 1h, same: 0, earlier: 0, later: 0, cases: 0, byPriority: {P1: {cases: 1}, P2: {cases: 1}}}", []Mismatch{
			{Field: "cases", Want: "0", Got: "3"},
			{Field: "later", Want: "0", Got: "1"},
			{Field: "earlier", Want: "0", Got: "1"},
			{Field: "same", Want: "0", Got: "1"},
			{Field: "maxLater", Want: "+1h", Got: "+64h"},
			{Field: "maxEarlier", Want: "+1h", Got: "+48h"},
			{Field: "median", Want: "+1h", Got: "0"},
			{Field: "p90", Want: "+1h", Got: "+64h"},
			{Field: "byPriority.P1.cases", Want: "1", Got: "2"},
			{Field: "byPriority.P2", Want: "cases", Got: "none: the history has no P2 case"},
		}},
	})
}

// TestReplayQuestion asks the default catalog through a parsed suite.
func TestReplayQuestion(t *testing.T) {
	const ask = "replay:\n      from: looker-premier\n      to: enhanced\n      cases:\n" +
		"        - {priority: P3, opened: 2026-03-13T12:00:00-04:00, zone: America/New_York}\n" +
		"        - {priority: P2, opened: 2026-03-16T10:00:00-04:00, zone: America/New_York}\n    expect: "
	checkQuestions(t, []questionTest{
		{"matches", ask + "{cases: 2, later: 1, same: 1, maxLater: 64h, byPriority: {P2: {same: 1}, P3: {median: 64h}}}", nil},
		{"differs", ask + "{later: 2, maxLater: 63h}", []Mismatch{
			{Field: "later", Want: "2", Got: "1"},
			{Field: "maxLater", Want: "+63h", Got: "+64h"},
		}},
	})
}
