package answer

import (
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
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

// ExplainTimeline is the answer to "why is each clock of a case due when
// it is": the timeline, and each cycle explained.
type ExplainTimeline struct {
	Timeline Timeline       `json:"timeline"`
	Cycles   []ExplainCycle `json:"cycles"`
}

// ExplainCycle is one cycle explained: its metric and number, its table
// row, deciding rule and every catalog rule as its last decision met
// them, its due instant (null without a target), the
// priority and tier changes made while it ran, and its walk.
type ExplainCycle struct {
	Metric    string        `json:"metric"`
	Number    int           `json:"number"`
	Row       string        `json:"row"`
	Rule      string        `json:"rule"`
	Rules     []ExplainRule `json:"rules"`
	Due       *Instant      `json:"due"`
	Retargets []Retarget    `json:"retargets"`
	Steps     []Step        `json:"steps"`
	Changes   []ClockChange `json:"clockChanges"`
	Text      []string      `json:"text"`
}

// Retarget is a priority or tier change made while a cycle ran: "priority"
// or "tier" in what, and whether it restarted the cycle.
type Retarget struct {
	At      Instant `json:"at"`
	What    string  `json:"what"`
	From    string  `json:"from"`
	To      string  `json:"to"`
	Restart bool    `json:"restart"`
}

// NewExplainTimeline returns the answer for case c with events events,
// explained as x. Instants are in the timeline's zone.
func NewExplainTimeline(c rules.Case, events int, x rules.TimelineExplanation) ExplainTimeline {
	out := ExplainTimeline{Timeline: NewTimeline(c, events, x.Timeline), Cycles: make([]ExplainCycle, len(x.Cycles))}
	for i, cx := range x.Cycles {
		steps, changes := walkSteps(cx.Walk)
		o := ExplainCycle{Metric: cx.Metric, Number: cx.Number, Row: cx.Row, Rule: cx.Cycle.Rule,
			Due: AtOrNull(cx.Cycle.Due), Retargets: make([]Retarget, len(cx.Retargets)), Steps: steps, Changes: changes, Text: []string{}}
		o.Rules = explainRules(cx.Rules)
		for j, r := range cx.Retargets {
			o.Retargets[j] = Retarget{At: At(r.At), What: r.What, From: r.From, To: r.To, Restart: r.Restart}
		}
		if cx.Cycle.Target.Within > 0 {
			o.Text = cx.Walk.Clauses()
		}
		out.Cycles[i] = o
	}
	return out
}

// NewExplain returns the answer for case c on the tier whose id is tier,
// explained as x. Instants are in the zone of the decision.
func NewExplain(tier string, c rules.Case, x rules.Explanation) Explain {
	out := Explain{
		Deadline: NewDeadline(tier, c, x.Deadline, x.Status), Row: x.Row,
		Rules: explainRules(x.Rules), Text: x.Walk.Clauses(),
	}
	out.Steps, out.Changes = walkSteps(x.Walk)
	return out
}

// walkSteps returns the steps and clock changes of w.
func walkSteps(w slo.Walk) ([]Step, []ClockChange) {
	steps, changes := make([]Step, len(w.Steps)), make([]ClockChange, len(w.Changes))
	for i, s := range w.Steps {
		steps[i] = Step{Kind: s.Kind.String(), From: At(s.From), To: At(s.To), Holiday: s.Holiday, Country: s.Country}
		if s.Open > 0 {
			d := NewDuration(s.Open)
			steps[i].Open = &d
		}
	}
	for i, ch := range w.Changes {
		changes[i] = ClockChange{At: At(ch.At), From: ch.From, To: ch.To, Shift: NewSigned(ch.Shift)}
	}
	return steps, changes
}

// explainRules returns the JSON form of rule steps.
func explainRules(steps []rules.RuleStep) []ExplainRule {
	out := make([]ExplainRule, len(steps))
	for i, r := range steps {
		out[i] = ExplainRule{ID: r.ID, At: r.At, Outcome: r.Outcome.String(), Why: r.Why}
	}
	return out
}
