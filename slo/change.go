package slo

import (
	"fmt"
	"strconv"
)

// Table maps priorities to their response targets, as one tier promises
// them. A nil Table is empty.
type Table map[Priority]Target

// ChangeKind classifies how a priority's target changes between two tables
// (Compare, nominally: by response time) or how the deadlines of an account
// move (Effect, effectively: by due instant). The zero value is Unchanged.
type ChangeKind uint8

// The kinds of change Compare and EffectIn report. Compare uses the first
// five; EffectIn uses Unchanged, Improved, Degraded and Mixed.
const (
	Unchanged ChangeKind = iota // same response time; effectively, every deadline the same
	Improved                    // shorter response time; effectively, never later and sometimes earlier
	Degraded                    // longer response time; effectively, never earlier and sometimes later
	Added                       // only the new table has a target
	Removed                     // only the old table has a target
	Mixed                       // effectively, sometimes earlier and sometimes later
)

var changeKindNames = [...]string{
	Unchanged: "unchanged",
	Improved:  "improved",
	Degraded:  "degraded",
	Added:     "added",
	Removed:   "removed",
	Mixed:     "mixed",
}

// String returns "unchanged", "improved", "degraded", "added", "removed" or
// "mixed", or "ChangeKind(n)" for an unknown value.
func (k ChangeKind) String() string {
	if int(k) < len(changeKindNames) {
		return changeKindNames[k]
	}
	return "ChangeKind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText encodes the kind as its String form; it fails for an unknown
// kind.
func (k ChangeKind) MarshalText() ([]byte, error) {
	if int(k) >= len(changeKindNames) {
		return nil, fmt.Errorf("invalid change kind %d", int(k))
	}
	return []byte(k.String()), nil
}

// UnmarshalText decodes one of the names String returns.
func (k *ChangeKind) UnmarshalText(text []byte) error {
	for i, n := range changeKindNames {
		if string(text) == n {
			*k = ChangeKind(i)
			return nil
		}
	}
	return fmt.Errorf("invalid change kind %q: want unchanged, improved, degraded, added, removed or mixed", text)
}

// Change is how the target of one priority changes from one table to
// another. From is the zero Target when Kind is Added, To when Kind is
// Removed. Kind is always the nominal comparison of the targets as written;
// Effect, when not nil, says how the deadlines of one account actually move
// over a window of opening instants (see EffectIn).
type Change struct {
	Priority Priority
	From, To Target
	Kind     ChangeKind
	Effect   *Effect `json:",omitempty"` // nil unless computed over a window
}

// CalendarChanged reports whether the target moved to another calendar,
// which Kind does not take into account.
func (c Change) CalendarChanged() bool {
	return c.Kind != Added && c.Kind != Removed && c.From.Calendar != c.To.Calendar
}

// String renders the change as, for example, "P1: 1h 24x7 -> 4h business
// (degraded)", followed by the effect when there is one: "P3: 8h
// looker-24x5 -> 8h business (unchanged; effectively degraded (0, +64h))".
func (c Change) String() string {
	from, to := c.From.String(), c.To.String()
	switch c.Kind {
	case Added:
		from = "none"
	case Removed:
		to = "none"
	}
	kind := c.Kind.String()
	if c.Effect != nil {
		kind += "; effectively " + c.Effect.String()
	}
	return c.Priority.String() + ": " + from + " -> " + to + " (" + kind + ")"
}

// Compare reports, for each of P1 to P4 present in either table and in that
// order, how its target changes from the first table to the second. Kind
// compares response times (Within) only: a shorter time is Improved, a
// longer one Degraded, an equal one Unchanged even if the calendar differs
// (see Change.CalendarChanged). Keys other than P1 to P4 are ignored.
func Compare(from, to Table) []Change {
	var out []Change
	for _, p := range Priorities {
		f, inFrom := from[p]
		t, inTo := to[p]
		c := Change{Priority: p, From: f, To: t}
		switch {
		case !inFrom && !inTo:
			continue
		case !inFrom:
			c.Kind = Added
		case !inTo:
			c.Kind = Removed
		case t.Within < f.Within:
			c.Kind = Improved
		case t.Within > f.Within:
			c.Kind = Degraded
		default:
			c.Kind = Unchanged
		}
		out = append(out, c)
	}
	return out
}
