package answer

import (
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// Compare is the answer to "what does moving from one tier to another do
// to response targets": one Change a priority, and the account and window
// they were measured over when the comparison is effective.
type Compare struct {
	From    string   `json:"from"`
	To      string   `json:"to"`
	Scope   *Scope   `json:"scope,omitempty"`
	Changes []Change `json:"changes"`
}

// Scope is the account and window of an effective comparison.
type Scope struct {
	Zone    string  `json:"zone,omitempty"`
	Country string  `json:"country,omitempty"`
	From    Instant `json:"from"`
	To      Instant `json:"to"`
}

// Change is how one priority's response target changes: the targets as
// written (null when a tier has none) and, over a window, the Effect.
type Change struct {
	Priority        string  `json:"priority"`
	From            *Target `json:"from"`
	To              *Target `json:"to"`
	Change          string  `json:"change"`
	CalendarChanged bool    `json:"calendarChanged"`
	Effect          *Effect `json:"effect,omitempty"`
}

// Effect is how a change moves the deadline of every case opened in a
// window, exactly: the extremes of the signed move of a deadline over the
// window (Min, the most earlier when negative, and Max, the most later
// when positive), the earliest openings at which the move is Min and Max
// (always given, as [slo.Effect] gives them: with no opening due earlier,
// MinAt is the first opening whose deadline moves the least), and the
// time of the window during which an opening is due earlier and later.
type Effect struct {
	Kind    string   `json:"kind"`
	Reading string   `json:"reading"` // "degraded (0, +64h)"
	Min     Duration `json:"min"`
	Max     Duration `json:"max"`
	MinAt   Instant  `json:"minAt"`
	MaxAt   Instant  `json:"maxAt"`
	Earlier Duration `json:"earlier"`
	Later   Duration `json:"later"`
}

// NewCompare returns the answer for the changes from tier from to tier to,
// measured over scope when it is not nil. Instants are shown as they are:
// the engine gives them in the location of the window's start.
func NewCompare(from, to string, scope *rules.Scope, changes []slo.Change) Compare {
	out := Compare{From: from, To: to, Changes: NewChanges(changes)}
	if scope != nil {
		out.Scope = &Scope{Zone: scope.Zone, Country: scope.Country, From: At(scope.From), To: At(scope.To)}
	}
	return out
}

// NewChanges returns changes as answers, in order; an empty slice, not
// nil, for none.
func NewChanges(changes []slo.Change) []Change {
	out := make([]Change, len(changes))
	for i, ch := range changes {
		out[i] = Change{
			Priority: ch.Priority.String(), From: NewTarget(ch.From), To: NewTarget(ch.To),
			Change: ch.Kind.String(), CalendarChanged: ch.CalendarChanged(),
		}
		out[i].Effect = NewEffect(ch.Effect)
	}
	return out
}

// NewEffect returns eff as an answer, or nil for nil (no effect computed).
func NewEffect(eff *slo.Effect) *Effect {
	if eff == nil {
		return nil
	}
	return &Effect{
		Kind: eff.Kind.String(), Reading: eff.String(), Min: NewSigned(eff.Min), Max: NewSigned(eff.Max),
		MinAt: At(eff.MinAt), MaxAt: At(eff.MaxAt), Earlier: NewDuration(eff.Earlier), Later: NewDuration(eff.Later),
	}
}
