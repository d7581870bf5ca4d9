package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/tiercel/tiercel/slo"
)

func TestDescribeChanges(t *testing.T) {
	h := func(n int, cal string) slo.Target {
		return slo.Target{Within: time.Duration(n) * time.Hour, Calendar: cal}
	}
	tests := []struct {
		name    string
		changes []slo.Change
		keeps   bool
		want    string
	}{
		{"none", nil, true, "keeps every response target"},
		{"same", []slo.Change{{Priority: slo.P1, From: h(1, "24x7"), To: h(1, "business"), Kind: slo.Unchanged}}, true, "keeps every response target"},
		{"better", []slo.Change{{Priority: slo.P1, Kind: slo.Improved}, {Priority: slo.P4, Kind: slo.Added}}, true, "keeps every response target and improves P1 and P4"},
		{"worse", []slo.Change{{Priority: slo.P1, From: h(1, "24x7"), To: h(4, "business"), Kind: slo.Degraded}, {Priority: slo.P2, Kind: slo.Improved}},
			false, "degrades P1 from 1h 24x7 to 4h business"},
		{"dropped", []slo.Change{{Priority: slo.P3, From: h(8, "24x7"), Kind: slo.Removed}, {Priority: slo.P4, From: h(8, "24x7"), To: h(9, "24x7"), Kind: slo.Degraded}},
			false, "drops P3 (8h 24x7) and degrades P4 from 8h 24x7 to 9h 24x7"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, describeChanges(tc.changes))
			assert.Equal(t, tc.keeps, keepsTargets(tc.changes))
		})
	}
}

func TestJoinAnd(t *testing.T) {
	assert.Equal(t, "", joinAnd(nil))
	assert.Equal(t, "a", joinAnd([]string{"a"}))
	assert.Equal(t, "a and b", joinAnd([]string{"a", "b"}))
	assert.Equal(t, "a, b and c", joinAnd([]string{"a", "b", "c"}))
}

func TestWhenText(t *testing.T) {
	assert.Equal(t, "2027-03-01", whenText(at(t, "2027-03-01T00:00:00-05:00", "America/New_York")), "midnight reads as a date")
	assert.Equal(t, "2027-03-01T09:30:00-05:00", whenText(at(t, "2027-03-01T09:30:00-05:00", "America/New_York")))
}
