package main

import (
	"github.com/tiercel/tiercel/audit"
	"github.com/tiercel/tiercel/slo"
)

// auditJSON is tiercel audit --output json.
type auditJSON struct {
	Now       jsonTime         `json:"now"`
	Tier      string           `json:"tier"`
	Tolerance string           `json:"tolerance"`
	Rows      []auditRowJSON   `json:"rows"`
	Summary   auditSummaryJSON `json:"summary"`
}

type auditRowJSON struct {
	Ticket   string             `json:"ticket"`
	Metric   string             `json:"metric,omitempty"`
	Instance int                `json:"instance,omitempty"`
	Verdict  audit.Verdict      `json:"verdict"`
	Why      string             `json:"why,omitempty"`
	Cycle    *auditCycleJSON    `json:"cycle"`             // null when the catalog has no such cycle
	Recorded *auditRecordedJSON `json:"recorded"`          // null when nothing was recorded
	EndDiff  string             `json:"endDiff,omitempty"` // catalog minus helpdesk, "+30m"
	DueDiff  string             `json:"dueDiff,omitempty"`
}

type auditCycleJSON struct {
	Start    jsonTime `json:"start"`
	Target   string   `json:"target,omitempty"`
	Rule     string   `json:"rule,omitempty"`
	State    string   `json:"state"`
	Due      jsonTime `json:"due"`
	End      jsonTime `json:"end"`
	Breached bool     `json:"breached"`
	Overdue  string   `json:"overdue,omitempty"`
}

type auditRecordedJSON struct {
	SLA           bool     `json:"sla"`
	Target        string   `json:"target,omitempty"` // minutes as a duration, "8h"
	BusinessHours bool     `json:"businessHours"`
	Policy        string   `json:"policy,omitempty"`
	Fulfilled     jsonTime `json:"fulfilled"`
	Breached      jsonTime `json:"breached"`
}

type auditRefJSON struct {
	Ticket   string `json:"ticket"`
	Metric   string `json:"metric"`
	Instance int    `json:"instance"`
}

type auditSummaryJSON struct {
	Tickets          int                   `json:"tickets"`
	Rows             int                   `json:"rows"`
	Counts           map[audit.Verdict]int `json:"counts"`
	RecordedBreaches []auditRefJSON        `json:"recordedBreaches"`
	CatalogBreaches  []auditRefJSON        `json:"catalogBreaches"`
}

func toAuditJSON(rep *audit.Report, o audit.Options) auditJSON {
	out := auditJSON{Now: jsonTime(rep.Now), Tier: o.Tier, Tolerance: slo.FormatDuration(o.Tolerance), Rows: make([]auditRowJSON, len(rep.Rows))}
	for i := range rep.Rows {
		r := &rep.Rows[i]
		row := auditRowJSON{Ticket: r.Ticket, Metric: r.Metric, Instance: r.Instance, Verdict: r.Verdict, Why: r.Why, EndDiff: diff(r.EndDiff), DueDiff: diff(r.DueDiff)}
		if r.HasCycle {
			cy := &r.Cycle
			row.Cycle = &auditCycleJSON{Start: jsonTime(cy.Start), Rule: cy.Rule, State: cy.State.String(), Due: jsonTime(cy.Due), End: jsonTime(cy.End), Breached: cy.Breached}
			if cy.Target.Within > 0 {
				row.Cycle.Target = cy.Target.String()
			}
			if cy.Breached {
				row.Cycle.Overdue = slo.FormatDuration(cy.Overdue)
			}
		}
		if r.HasRecord {
			rec := &r.Recorded
			row.Recorded = &auditRecordedJSON{SLA: rec.SLA, BusinessHours: rec.BusinessHours, Policy: rec.Policy, Fulfilled: jsonTime(rec.Fulfilled), Breached: jsonTime(rec.Breached)}
			if rec.SLA {
				row.Recorded.Target = slo.FormatDuration(rec.Target)
			}
		}
		out.Rows[i] = row
	}
	s := &rep.Summary
	out.Summary = auditSummaryJSON{Tickets: s.Tickets, Rows: s.Rows, Counts: s.Counts, RecordedBreaches: refsJSON(s.RecordedBreaches), CatalogBreaches: refsJSON(s.CatalogBreaches)}
	return out
}

func refsJSON(list []audit.Ref) []auditRefJSON {
	out := make([]auditRefJSON, len(list))
	for i, r := range list {
		out[i] = auditRefJSON(r)
	}
	return out
}
