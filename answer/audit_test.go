package answer

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/audit"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func TestNewAudit(t *testing.T) {
	t0 := time.Date(2026, 7, 6, 13, 0, 0, 0, time.UTC)
	rep := audit.Report{Now: t0.Add(3 * time.Hour), Rows: []audit.Row{
		{Ticket: "7", Metric: "response", Instance: 1, Verdict: audit.TimeDiffers, Why: "ended -40s apart",
			Cycle:    rules.Cycle{Start: t0, State: rules.CycleAchieved, Target: slo.Target{Within: time.Hour, Calendar: "24x7"}, Due: t0.Add(time.Hour), End: t0.Add(30 * time.Minute)},
			HasCycle: true, Recorded: input.Recorded{SLA: true, Target: time.Hour, Fulfilled: t0.Add(30*time.Minute + 40*time.Second), HasFulfilled: true}, HasRecord: true,
			EndDiff: -40 * time.Second, HasEndDiff: true},
		{Ticket: "8", Verdict: audit.NoHistory},
	}, Summary: audit.Summary{Tickets: 1, Rows: 2, Counts: map[audit.Verdict]int{audit.TimeDiffers: 1, audit.NoHistory: 1}, CatalogBreaches: []audit.Ref{{Ticket: "9", Metric: "response", Instance: 2}}}}
	b, err := json.Marshal(NewAudit(&rep, "zendesk", time.Minute))
	require.NoError(t, err)
	require.NoError(t, Check(b), "the one convention")
	var got struct {
		Tolerance Duration
		Rows      []map[string]any
		Summary   AuditSummary
	}
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, NewDuration(time.Minute), got.Tolerance)
	assert.Equal(t, map[string]any{"seconds": -40.0, "text": "-40s"}, got.Rows[0]["endDiff"])
	assert.Nil(t, got.Rows[0]["dueDiff"], "no breach on either side")
	assert.Equal(t, "2026-07-06T13:30:40Z", got.Rows[0]["recorded"].(map[string]any)["fulfilled"])
	assert.Nil(t, got.Rows[1]["cycle"], "no history: no cycle")
	assert.Nil(t, got.Rows[1]["recorded"])
	assert.Equal(t, []AuditRef{{"9", "response", 2}}, got.Summary.CatalogBreaches)
	assert.Equal(t, []AuditRef{}, got.Summary.RecordedBreaches, "an empty list, not null")
}

// A cycle that ended at 0001-01-01T00:00:00Z and a fulfillment or a breach
// recorded then are instants, written as such; null is for an instant the
// side does not have (a running cycle's end, a breach not recorded).
func TestNewAuditYearOne(t *testing.T) {
	var zero time.Time
	hour := slo.Target{Within: time.Hour, Calendar: "24x7"}
	tests := []struct {
		name                     string
		cycle                    rules.Cycle
		rec                      input.Recorded
		end, fulfilled, breached any
	}{
		{"ended and fulfilled then", rules.Cycle{Start: zero, State: rules.CycleAchieved, Target: hour, Due: zero.Add(time.Hour)},
			input.Recorded{SLA: true, Target: time.Hour, HasFulfilled: true}, "0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z", nil},
		{"breached then, running", rules.Cycle{Start: zero, State: rules.CycleRunning, Target: hour, Due: zero.Add(time.Hour)},
			input.Recorded{SLA: true, Target: time.Hour, HasBreached: true}, nil, nil, "0001-01-01T00:00:00Z"},
		{"nothing recorded", rules.Cycle{Start: zero, State: rules.CycleRunning, Target: hour, Due: zero.Add(time.Hour)},
			input.Recorded{SLA: true, Target: time.Hour}, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := audit.Report{Rows: []audit.Row{{Ticket: "1", Metric: "response", Instance: 1, Verdict: audit.Agree, Cycle: tt.cycle, HasCycle: true, Recorded: tt.rec, HasRecord: true}}}
			b, err := json.Marshal(NewAudit(&rep, "zendesk", 0))
			require.NoError(t, err)
			var got struct {
				Now  string
				Rows []struct {
					Cycle    map[string]any
					Recorded map[string]any
				}
			}
			require.NoError(t, json.Unmarshal(b, &got))
			assert.Equal(t, "0001-01-01T00:00:00Z", got.Now)
			assert.Equal(t, tt.end, got.Rows[0].Cycle["end"])
			assert.Equal(t, "0001-01-01T01:00:00Z", got.Rows[0].Cycle["due"])
			assert.Equal(t, tt.fulfilled, got.Rows[0].Recorded["fulfilled"])
			assert.Equal(t, tt.breached, got.Rows[0].Recorded["breached"])
		})
	}
}
