package audit

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func TestJudge(t *testing.T) {
	t0 := time.Date(2026, 7, 6, 13, 0, 0, 0, time.UTC)
	hour := slo.Target{Within: time.Hour, Calendar: "business"}
	met := rules.Cycle{Start: t0, Target: hour, State: rules.CycleAchieved, End: t0.Add(30 * time.Minute), Due: t0.Add(time.Hour)}
	late := rules.Cycle{Start: t0, Target: hour, State: rules.CycleAchieved, End: t0.Add(2 * time.Hour), Due: t0.Add(time.Hour), Breached: true}
	sla := input.Recorded{SLA: true, Target: time.Hour, BusinessHours: true}
	with := func(r input.Recorded, f func(*input.Recorded)) input.Recorded { f(&r); return r }
	fulfilled := func(d time.Duration) func(*input.Recorded) {
		return func(r *input.Recorded) { r.Fulfilled, r.HasFulfilled = t0.Add(d), true }
	}
	tests := []struct {
		name    string
		rec     *input.Recorded
		cycle   *rules.Cycle
		tol     time.Duration
		want    Verdict
		row     bool
		endDiff time.Duration
		dueDiff time.Duration
	}{
		{"both met at the same instant", ptr(with(sla, fulfilled(30*time.Minute))), &met, 0, Agree, true, 0, 0},
		{"ended 40s apart, within 1m", ptr(with(sla, fulfilled(30*time.Minute+40*time.Second))), &met, time.Minute, Agree, true, -40 * time.Second, 0},
		{"ended 40s apart, no tolerance", ptr(with(sla, fulfilled(30*time.Minute+40*time.Second))), &met, 0, TimeDiffers, true, -40 * time.Second, 0},
		{"both breached, due 5m apart", ptr(with(sla, func(r *input.Recorded) {
			r.Fulfilled, r.Breached, r.HasFulfilled, r.HasBreached = t0.Add(2*time.Hour), t0.Add(55*time.Minute), true, true
		})), &late, time.Minute, TimeDiffers, true, 0, 5 * time.Minute},
		{"a breach after the fulfillment is no breach", ptr(with(sla, func(r *input.Recorded) {
			r.Fulfilled, r.Breached, r.HasFulfilled, r.HasBreached = t0.Add(30*time.Minute), t0.Add(time.Hour), true, true
		})), &met, 0, Agree, true, 0, 0},
		{"recorded breach, catalog met", ptr(with(sla, func(r *input.Recorded) {
			r.Fulfilled, r.Breached, r.HasFulfilled, r.HasBreached = t0.Add(30*time.Minute), t0.Add(20*time.Minute), true, true
		})), &met, 0, RecordedBreach, true, 0, 0},
		{"recorded breach, never fulfilled", ptr(with(sla, func(r *input.Recorded) { r.Breached, r.HasBreached = t0.Add(time.Hour), true })), &met, 0, RecordedBreach, true, 0, 0},
		{"catalog breach, recorded met", ptr(with(sla, fulfilled(2*time.Hour))), &late, 0, CatalogBreach, true, 0, 0},
		{"another target", ptr(with(sla, func(r *input.Recorded) {
			r.Target, r.Fulfilled, r.HasFulfilled = 2*time.Hour, t0.Add(30*time.Minute), true
		})), &met, 0, TargetDiffers, true, 0, 0},
		{"around the clock instead of business hours", ptr(with(sla, func(r *input.Recorded) {
			r.BusinessHours, r.Fulfilled, r.HasFulfilled = false, t0.Add(30*time.Minute), true
		})), &met, 0, TargetDiffers, true, 0, 0},
		{"fulfilled on one side only", ptr(sla), &met, 0, TimeDiffers, true, 0, 0},
		{"no SLA recorded", ptr(input.Recorded{Fulfilled: t0.Add(30 * time.Minute), HasFulfilled: true}), &met, 0, Unrecorded, true, 0, 0},
		{"no cycle", ptr(sla), nil, 0, Uncomputed, true, 0, 0},
		{"no SLA on either side", ptr(input.Recorded{Fulfilled: t0, HasFulfilled: true}), &rules.Cycle{Start: t0, State: rules.CycleAchieved, End: t0}, 0, "", false, 0, 0},
		{"nothing recorded, a target met", nil, &met, 0, Unrecorded, true, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r Row
			if tt.rec != nil {
				r.Recorded, r.HasRecord = *tt.rec, true
			}
			if tt.cycle != nil {
				r.Cycle, r.HasCycle = *tt.cycle, true
			}
			assert.Equal(t, tt.row, judge(&r, tt.tol))
			assert.Equal(t, tt.want, r.Verdict)
			assert.Equal(t, tt.endDiff, r.EndDiff)
			assert.Equal(t, tt.dueDiff, r.DueDiff)
			assert.Equal(t, tt.dueDiff != 0, r.HasDueDiff && r.DueDiff != 0)
			assert.Equal(t, tt.want == Agree || !tt.row, r.Why == "", r.Why)
		})
	}
}

func ptr[T any](v T) *T { return &v }
