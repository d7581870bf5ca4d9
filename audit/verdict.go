package audit

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// recordedBreach reports whether the helpdesk recorded a breach of the
// cycle: a breach before it was fulfilled, or never fulfilled.
func recordedBreach(r *Row) bool {
	rec := &r.Recorded
	return r.HasRecord && rec.HasBreached && (!rec.HasFulfilled || rec.Breached.Before(rec.Fulfilled))
}

// hasTarget reports whether the catalog gives the row's cycle a target.
func hasTarget(r *Row) bool { return r.HasCycle && r.Cycle.Target.Within > 0 }

// judge sets the row's verdict, differences and reason; it returns false
// when neither side has an SLA for the cycle (not a row).
func judge(r *Row, tol time.Duration) bool {
	recBreach, calBreach := recordedBreach(r), hasTarget(r) && r.Cycle.Breached
	recSLA := r.HasRecord && (r.Recorded.SLA || recBreach)
	if !recSLA && !hasTarget(r) {
		return false
	}
	ended := r.HasCycle && r.Cycle.State == rules.CycleAchieved
	if ended && r.HasRecord && r.Recorded.HasFulfilled {
		r.EndDiff, r.HasEndDiff = r.Cycle.End.Sub(r.Recorded.Fulfilled), true
	}
	if recBreach && calBreach {
		r.DueDiff, r.HasDueDiff = r.Cycle.Due.Sub(r.Recorded.Breached), true
	}
	targets := ""
	if r.HasRecord && r.Recorded.SLA && hasTarget(r) && !sameTarget(r) {
		targets = " (targets: the helpdesk's " + recordedTarget(r) + ", the catalog's " + r.Cycle.Target.String() + ")"
	}
	switch {
	case recBreach && !calBreach:
		r.Verdict, r.Why = RecordedBreach, fmt.Sprintf("the helpdesk recorded a breach at %s; %s%s", stamp(r.Recorded.Breached), catalogSays(r), targets)
	case calBreach && !recBreach:
		r.Verdict, r.Why = CatalogBreach, fmt.Sprintf("the catalog says it breached at %s; the helpdesk recorded no breach%s", stamp(r.Cycle.Due), targets)
	case !hasTarget(r):
		r.Verdict, r.Why = Uncomputed, "the helpdesk applied an SLA ("+recordedTarget(r)+"); the catalog gives no target for this cycle"
	case !recSLA:
		r.Verdict, r.Why = Unrecorded, "the catalog gives a target of "+r.Cycle.Target.String()+"; the helpdesk applied no SLA"
	case r.Recorded.SLA && !sameTarget(r):
		r.Verdict, r.Why = TargetDiffers, "the helpdesk's target is "+recordedTarget(r)+", the catalog's "+r.Cycle.Target.String()
	default:
		r.Verdict, r.Why = timeVerdict(r, ended, tol)
	}
	return true
}

// timeVerdict compares the instants of a row whose outcome and target
// agree.
func timeVerdict(r *Row, ended bool, tol time.Duration) (Verdict, string) {
	fulfilled := r.HasRecord && r.Recorded.HasFulfilled
	switch {
	case ended && !fulfilled:
		return TimeDiffers, "the catalog's cycle ended at " + stamp(r.Cycle.End) + "; the helpdesk recorded no fulfillment"
	case fulfilled && !ended:
		return TimeDiffers, "the helpdesk fulfilled it at " + stamp(r.Recorded.Fulfilled) + "; the catalog's cycle is " + r.Cycle.State.String()
	case abs(r.EndDiff) > tol:
		return TimeDiffers, "ended " + slo.FormatSigned(r.EndDiff) + " apart (catalog minus helpdesk)"
	case abs(r.DueDiff) > tol:
		return TimeDiffers, "due " + slo.FormatSigned(r.DueDiff) + " apart (catalog minus helpdesk)"
	}
	return Agree, ""
}

// sameTarget reports whether the recorded target is the cycle's: the same
// duration, on business hours or around the clock alike.
func sameTarget(r *Row) bool {
	return r.Recorded.Target == r.Cycle.Target.Within && r.Recorded.BusinessHours == (r.Cycle.Target.Calendar != "24x7")
}

// recordedTarget writes the recorded target as a catalog would.
func recordedTarget(r *Row) string {
	cal := "24x7"
	if r.Recorded.BusinessHours {
		cal = "business hours"
	}
	s := slo.FormatDuration(r.Recorded.Target) + " " + cal
	if r.Recorded.Policy != "" {
		s += ", policy " + r.Recorded.Policy
	}
	return s
}

// catalogSays writes what the catalog says of a cycle it did not breach.
func catalogSays(r *Row) string {
	switch {
	case !hasTarget(r):
		return "the catalog gives no target for this cycle"
	case r.Cycle.State == rules.CycleAchieved:
		return fmt.Sprintf("the catalog says it was met at %s (due %s)", stamp(r.Cycle.End), stamp(r.Cycle.Due))
	}
	return fmt.Sprintf("the catalog says it is %s, due %s", r.Cycle.State, stamp(r.Cycle.Due))
}

// stamp writes an instant as RFC 3339.
func stamp(t time.Time) string { return t.Format(time.RFC3339) }

func abs(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
