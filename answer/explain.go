package answer

import (
	"github.com/tiercel/tiercel/rules"
)

// Explain is the answer to "why is the response to a case due when it
// is": the deadline (with the status at now when asked), the table row,
// every catalog rule as the decision met it, and the walk on the calendar
// from the opening to the due instant, step by step, with the clock
// changes crossed and the walk told as a person tells it.
type Explain struct {
	Deadline Deadline      `json:"deadline"`
	Row      string        `json:"row"`
	Rules    []ExplainRule `json:"rules"`
	Steps    []Step        `json:"steps"`
	Changes  []ClockChange `json:"clockChanges"`
	Text     []string      `json:"text"`
}

// ExplainRule is one catalog rule as a decision met it: its outcome
// "skipped" (with the filter that left the case out, in why), "false",
// "matched" or "not reached", and where it is written ("file:line").
type ExplainRule struct {
	ID      string `json:"id"`
	At      string `json:"at"`
	Outcome string `json:"outcome"`
	Why     string `json:"why,omitempty"`
}

// Step is one step of a calendar walk: kind "open" with the open time
// counted, or a closure ("outside hours", "weekend", "holiday" with its
// name and country, "closed date") or "paused", from one instant to the
// next.
type Step struct {
	Kind    string    `json:"kind"`
	From    Instant   `json:"from"`
	To      Instant   `json:"to"`
	Open    *Duration `json:"open,omitempty"`
	Holiday string    `json:"holiday,omitempty"`
	Country string    `json:"country,omitempty"`
}

// ClockChange is a DST change a walk crossed: its instant, the zone's
// abbreviations before and after, and the signed shift of the wall clock.
type ClockChange struct {
	At    Instant  `json:"at"`
	From  string   `json:"from"`
	To    string   `json:"to"`
	Shift Duration `json:"shift"`
}

// NewExplain returns the answer for case c on the tier whose id is tier,
// explained as x. Instants are in the zone of the decision.
func NewExplain(tier string, c rules.Case, x rules.Explanation) Explain {
	out := Explain{
		Deadline: NewDeadline(tier, c, x.Deadline, x.Status), Row: x.Row,
		Rules: make([]ExplainRule, len(x.Rules)), Steps: make([]Step, len(x.Walk.Steps)),
		Changes: make([]ClockChange, len(x.Walk.Changes)), Text: x.Walk.Clauses(),
	}
	for i, r := range x.Rules {
		out.Rules[i] = ExplainRule{ID: r.ID, At: r.At, Outcome: r.Outcome.String(), Why: r.Why}
	}
	for i, s := range x.Walk.Steps {
		out.Steps[i] = Step{Kind: s.Kind.String(), From: At(s.From), To: At(s.To), Holiday: s.Holiday, Country: s.Country}
		if s.Open > 0 {
			d := NewDuration(s.Open)
			out.Steps[i].Open = &d
		}
	}
	for i, ch := range x.Walk.Changes {
		out.Changes[i] = ClockChange{At: At(ch.At), From: ch.From, To: ch.To, Shift: NewSigned(ch.Shift)}
	}
	return out
}
