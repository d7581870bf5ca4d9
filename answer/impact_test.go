package answer

import (
	"encoding/json"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// An impact report's shifts are signed durations (earlier ones negative),
// its largest shifts name their history where the reader wrote it, and a
// group without shifts has a null largest.
func TestNewImpact(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	r := rules.ImpactReport{Histories: 2, Failed: 1, Total: rules.ImpactGroup{
		Cycles: 3, Same: 1,
		Later: rules.ShiftStats{Count: 1, P10: time.Hour, Median: time.Hour, P90: time.Hour,
			Largest: rules.Shift{History: 1, Account: "acme", Metric: "response", Cycle: 0, Priority: slo.P2, Old: at, New: at.Add(time.Hour), By: time.Hour}},
		Earlier: rules.ShiftStats{Count: 1, P10: 30 * time.Minute, Median: 30 * time.Minute, P90: 30 * time.Minute,
			Largest: rules.Shift{History: 0, Metric: "resolution", Cycle: 1, Priority: slo.P3, Old: at, New: at.Add(-30 * time.Minute), By: -30 * time.Minute}},
	}, Metrics: []rules.ImpactGroup{{Key: "response", Cycles: 3}}}
	got := NewImpact(r, func(i int) string { return "h.jsonl:" + strconv.Itoa(i+1) + ":1" }, []string{"h.jsonl:3:10: tier: unknown tier"})
	b, err := json.Marshal(got)
	require.NoError(t, err)
	s := string(b)
	assert.Contains(t, s, `"refused":1,"errors":["h.jsonl:3:10: tier: unknown tier"]`)
	assert.Contains(t, s, `"p10":{"seconds":3600,"text":"+1h"}`)
	assert.Contains(t, s, `"p10":{"seconds":-1800,"text":"-30m"}`)
	assert.Contains(t, s, `"largest":{"history":"h.jsonl:2:1","account":"acme","metric":"response","cycle":1,"priority":"P2","old":"2026-03-02T09:00:00Z","new":"2026-03-02T10:00:00Z","by":{"seconds":3600,"text":"+1h"}}`)
	assert.Contains(t, s, `"metrics":[{"key":"response","cycles":3,`)
	assert.Contains(t, s, `"later":{"count":0,"p10":{"seconds":0,"text":"0"},"median":{"seconds":0,"text":"0"},"p90":{"seconds":0,"text":"0"},"largest":null}`)
	assert.Equal(t, []ImpactGroup{}, got.Accounts, "an empty list, not null")
}
