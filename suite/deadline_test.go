package suite

import (
	"testing"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func TestDeadlineRows(t *testing.T) {
	got := rules.Deadline{
		Due:    time.Date(2026, 3, 2, 16, 0, 0, 0, time.UTC),
		Target: slo.Target{Within: 90 * time.Minute, Calendar: "business"},
		Rule:   "tiers.gold.response.P1",
	}
	checkRows(t, deadlineRows, got, []rowsTest{
		{"all match", "{due: 2026-03-02T11:00:00-05:00, target: 1h30m business, within: 90m, calendar: business, rule: tiers.gold.response.P1}", nil},
		{"every row differs, in row order", "{rule: r, calendar: 24x7, within: 1h, target: 1h 24x7, due: 2026-03-02T10:00:00-05:00}", []Mismatch{
			{Field: "due", Want: "2026-03-02T10:00:00-05:00", Got: "2026-03-02T11:00:00-05:00"},
			{Field: "target", Want: "1h 24x7", Got: "1h30m business"},
			{Field: "within", Want: "1h", Got: "1h30m"},
			{Field: "calendar", Want: "24x7", Got: "business"},
			{Field: "rule", Want: "r", Got: "tiers.gold.response.P1"},
		}},
	})
}

// TestDeadlineQuestion asks the default catalog, through a parsed suite.
func TestDeadlineQuestion(t *testing.T) {
	checkQuestions(t, []questionTest{
		{"a pause moves the deadline", "deadline: {tier: enhanced, priority: P1, opened: 2026-03-02T10:00:00Z, " +
			"pauses: [{start: 2026-03-02T10:30:00Z, end: 2026-03-02T11:30:00Z}]}\n    expect: {due: 2026-03-02T12:00:00Z}", nil},
		{"the test's now is the case's now", "now: 2026-03-02T10:00:00Z\n    deadline: {tier: enhanced, priority: P1, opened: 2026-03-02T10:00:00Z}\n" +
			"    expect: {due: 2026-03-02T12:00:00Z}", []Mismatch{{Field: "due", Want: "2026-03-02T12:00:00Z", Got: "2026-03-02T11:00:00Z"}}},
	})
}
