package server

import (
	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// The results of the decisions, as the response's "result". Every answer
// is encoded here and only here, so that the service writes money,
// durations and instants as the command's JSON does.

func deadlineResult(c rules.Case, d rules.Deadline) any {
	return map[string]any{"tier": c.Tier, "priority": c.Priority.String(), "opened": c.Opened.In(d.Location),
		"due": d.Due.In(d.Location), "target": d.Target.String(), "rule": d.Rule}
}

func statusResult(c rules.Case, p rules.Progress) any {
	return map[string]any{"deadline": deadlineResult(c, p.Deadline), "status": p.Status}
}

func timelineResult(c rules.Case, events int, tl rules.Timeline) any { return tl }

func compareResult(from, to string, s *rules.Scope, ch []slo.Change) any {
	return map[string]any{"from": from, "to": to, "scope": s, "changes": ch}
}

func replayResult(r rules.ReplayReport, history []rules.Case) any { return r }

func quoteResult(q billing.Quote, withPeriod bool) any { return q }

func allowedResult(d entitlement.Decision) any { return d }
