package slo

import (
	"fmt"
	"strconv"
)

// Table maps priorities to their response targets, as one tier promises
// them. A nil Table is empty.
type Table map[Priority]Target

// ChangeKind classifies how a priority's target changes between two tables.
// The zero value is Unchanged.
type ChangeKind uint8

// The kinds of change Compare reports.
const (
	Unchanged ChangeKind = iota // same response time
	Improved                    // shorter response time
	Degraded                    // longer response time
	Added                       // only the new table has a target
	Removed                     // only the old table has a target
)

var changeKindNames = [...]string{
	Unchanged: "unchanged",
	Improved:  "improved",
	Degraded:  "degraded",
	Added:     "added",
	Removed:   "removed",
}

// String returns "unchanged", "improved", "degraded", "added" or "removed",
// or "ChangeKind(n)" for an unknown value.
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
	return fmt.Errorf("invalid change kind %q: want unchanged, improved, degraded, added or removed", text)
}

// Change is how the target of one priority changes from one table to
// another. From is the zero Target when Kind is Added, To when Kind is
// Removed.
type Change struct {
	Priority Priority
	From, To Target
	Kind     ChangeKind
}

// CalendarChanged reports whether the target moved to another calendar,
// which Kind does not take into account.
func (c Change) CalendarChanged() bool {
	return c.Kind != Added && c.Kind != Removed && c.From.Calendar != c.To.Calendar
}

// String renders the change as, for example, "P1: 1h 24x7 -> 4h business
// (degraded)".
func (c Change) String() string {
	from, to := c.From.String(), c.To.String()
	switch c.Kind {
	case Added:
		from = "none"
	case Removed:
		to = "none"
	}
	return c.Priority.String() + ": " + from + " -> " + to + " (" + c.Kind.String() + ")"
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
