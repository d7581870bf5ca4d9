package suite

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tiercel/tiercel/slo"
)

// checks are the mismatches of one answer. Its methods compare an expected
// value with the engine's, formatted alike, and return c with the mismatch
// added if they differ; they are the comparisons of the expectation rows.
// A value, not a pointer, so that asking a question allocates nothing when
// the answer matches.
type checks []Mismatch

// eq compares two texts.
func (c checks) eq(field, want, got string) checks {
	if want != got {
		return append(c, Mismatch{Field: field, Want: want, Got: got})
	}
	return c
}

// instant compares instants, whatever their zones; got is shown in want's
// offset.
func (c checks) instant(field string, want, got time.Time) checks {
	if !want.Equal(got) {
		return append(c, Mismatch{Field: field, Want: formatInstant(want), Got: formatLike(got, want)})
	}
	return c
}

// maybeInstant compares optional instants: none matches none only, and
// two instants compare as instant does.
func (c checks) maybeInstant(field string, want, got maybeAt) checks {
	switch {
	case want.set && got.set:
		return c.instant(field, want.t, got.t)
	case want.set == got.set:
		return c
	case want.set:
		return append(c, Mismatch{Field: field, Want: formatInstant(want.t), Got: "none"})
	}
	return append(c, Mismatch{Field: field, Want: "none", Got: formatInstant(got.t)})
}

// list compares lists in order; nil and empty are equal.
func (c checks) list(field string, want, got []string) checks {
	if !slices.Equal(want, got) {
		return c.eq(field, "["+strings.Join(want, ", ")+"]", "["+strings.Join(got, ", ")+"]")
	}
	return c
}

// set compares lists ignoring order.
func (c checks) set(field string, want, got []string) checks {
	w, g := slices.Clone(want), slices.Clone(got)
	slices.Sort(w)
	slices.Sort(g)
	return c.list(field, w, g)
}

// target compares response targets; the zero target reads "none".
func (c checks) target(field string, want, got slo.Target) checks {
	return c.eq(field, targetString(want), targetString(got))
}

// sprint compares two values by their fmt.Sprint text: booleans, counts.
func sprint[T any](c checks, field string, want, got T) checks {
	return c.eq(field, fmt.Sprint(want), fmt.Sprint(got))
}

// formatInstant writes an instant, 0001-01-01T00:00:00Z too (an optional
// one that is not given is "none": see maybeInstant).
func formatInstant(t time.Time) string { return t.Format(time.RFC3339Nano) }

// formatLike formats got with the UTC offset of want, so the two read alike.
func formatLike(got, want time.Time) string {
	_, off := want.Zone()
	if off == 0 {
		return got.UTC().Format(time.RFC3339Nano)
	}
	return got.In(time.FixedZone("", off)).Format(time.RFC3339Nano)
}

func targetString(t slo.Target) string {
	if t.Within == 0 && t.Calendar == "" {
		return "none"
	}
	return t.String()
}
