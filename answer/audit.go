package answer

import (
	"time"

	"github.com/tiercel/tiercel/audit"
)

// Audit is the answer to "does what the helpdesk recorded agree with the
// catalog": every row of the audit, then the summary.
type Audit struct {
	Now       Instant      `json:"now"`
	Tier      string       `json:"tier"`
	Tolerance Duration     `json:"tolerance"`
	Rows      []AuditRow   `json:"rows"`
	Summary   AuditSummary `json:"summary"`
}

// AuditRow is one cycle of one metric of a ticket: the verdict, what the
// catalog computed (null when it has no such cycle), what was recorded
// (null when nothing was) and their differences, catalog minus helpdesk
// (null when one side lacks the instant).
type AuditRow struct {
	Ticket   string         `json:"ticket"`
	Metric   string         `json:"metric,omitempty"`
	Instance int            `json:"instance,omitempty"`
	Verdict  string         `json:"verdict"`
	Why      string         `json:"why,omitempty"`
	Cycle    *AuditCycle    `json:"cycle"`
	Recorded *AuditRecorded `json:"recorded"`
	EndDiff  *Duration      `json:"endDiff"`
	DueDiff  *Duration      `json:"dueDiff"`
}

// AuditCycle is the catalog's cycle, its instants in the ticket's
// timeline's zone.
type AuditCycle struct {
	Start    Instant  `json:"start"`
	State    string   `json:"state"`
	Target   *Target  `json:"target"`
	Rule     string   `json:"rule"`
	Due      *Instant `json:"due"`
	End      *Instant `json:"end"`
	Breached bool     `json:"breached"`
	Overdue  Duration `json:"overdue"`
}

// AuditRecorded is what the helpdesk recorded of the cycle: the SLA it
// applied (Target null when none), when it was fulfilled and breached.
type AuditRecorded struct {
	Target        *Duration `json:"target"`
	BusinessHours bool      `json:"businessHours"`
	Policy        string    `json:"policy,omitempty"`
	Fulfilled     *Instant  `json:"fulfilled"`
	Breached      *Instant  `json:"breached"`
}

// AuditRef names one cycle of one metric of a ticket.
type AuditRef struct {
	Ticket   string `json:"ticket"`
	Metric   string `json:"metric"`
	Instance int    `json:"instance"`
}

// AuditSummary counts the rows by verdict (every verdict present) and
// lists the breaches the two sides disagree on.
type AuditSummary struct {
	Tickets          int            `json:"tickets"`
	Rows             int            `json:"rows"`
	Counts           map[string]int `json:"counts"`
	RecordedBreaches []AuditRef     `json:"recordedBreaches"`
	CatalogBreaches  []AuditRef     `json:"catalogBreaches"`
}

// NewAudit returns the answer for the audit rep, made on tier with the
// tolerance given.
func NewAudit(rep *audit.Report, tier string, tolerance time.Duration) Audit {
	out := Audit{Now: At(rep.Now), Tier: tier, Tolerance: NewDuration(tolerance), Rows: make([]AuditRow, len(rep.Rows))}
	for i := range rep.Rows {
		out.Rows[i] = newAuditRow(&rep.Rows[i])
	}
	s := &rep.Summary
	out.Summary = AuditSummary{Tickets: s.Tickets, Rows: s.Rows, Counts: make(map[string]int, len(s.Counts)),
		RecordedBreaches: auditRefs(s.RecordedBreaches), CatalogBreaches: auditRefs(s.CatalogBreaches)}
	for v, n := range s.Counts {
		out.Summary.Counts[string(v)] = n
	}
	return out
}

func newAuditRow(r *audit.Row) AuditRow {
	row := AuditRow{Ticket: r.Ticket, Metric: r.Metric, Instance: r.Instance, Verdict: string(r.Verdict), Why: r.Why}
	if r.HasCycle {
		cy := &r.Cycle // Due is zero only without a target: with one it is after Start, which is year 1 or later
		row.Cycle = &AuditCycle{Start: At(cy.Start), State: cy.State.String(), Target: NewTarget(cy.Target), Rule: cy.Rule,
			Due: AtOrNull(cy.Due), End: AtIf(cy.End, cy.Ended()), Breached: cy.Breached, Overdue: NewDuration(cy.Overdue)}
	}
	if r.HasRecord {
		rec := &r.Recorded
		row.Recorded = &AuditRecorded{BusinessHours: rec.BusinessHours, Policy: rec.Policy, Fulfilled: AtIf(rec.Fulfilled, rec.HasFulfilled), Breached: AtIf(rec.Breached, rec.HasBreached)}
		if rec.SLA {
			d := NewDuration(rec.Target)
			row.Recorded.Target = &d
		}
	}
	if r.HasEndDiff {
		d := NewSigned(r.EndDiff)
		row.EndDiff = &d
	}
	if r.HasDueDiff {
		d := NewSigned(r.DueDiff)
		row.DueDiff = &d
	}
	return row
}

func auditRefs(list []audit.Ref) []AuditRef {
	out := make([]AuditRef, len(list))
	for i, r := range list {
		out[i] = AuditRef(r)
	}
	return out
}
