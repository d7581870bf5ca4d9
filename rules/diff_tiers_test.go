package rules

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A calendar edit moves due instants without changing a written target:
// with a scope, the target carries the effect of the old clock against the
// new one, as CompareIn computes it.
func TestDiffEffect(t *testing.T) {
	base, err := os.ReadFile("testdata/diff/base.yaml")
	require.NoError(t, err)
	old := compileText(t, "base.yaml", string(base))
	edited := compileText(t, "edited.yaml", strings.Replace(string(base), `{mon-fri: "09:00-17:00"}`, `{mon-fri: "09:00-16:00"}`, 1))
	scope := &Scope{From: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)}
	r, err := Diff(old, edited, DiffOptions{Scope: scope})
	require.NoError(t, err)
	require.NotEmpty(t, r.Tiers)
	basic := r.Tiers[0]
	require.Equal(t, "basic", basic.Tier)
	p1 := basic.Targets[0]
	assert.Equal(t, TargetDiff{Metric: "response", Priority: "P1", Old: "4h business", New: "4h business", Kind: "unchanged",
		Calendar: []FieldChange{{Path: "hours", Old: "mon 09:00-17:00; tue 09:00-17:00; wed 09:00-17:00; thu 09:00-17:00; fri 09:00-17:00",
			New: "mon 09:00-16:00; tue 09:00-16:00; wed 09:00-16:00; thu 09:00-16:00; fri 09:00-16:00"}}, Effect: p1.Effect}, p1)
	require.NotNil(t, p1.Effect)
	assert.Equal(t, "degraded", p1.Effect.Kind.String(), "a shorter day is due later")
	assert.Positive(t, p1.Effect.Max)

	_, err = Diff(old, edited, DiffOptions{Scope: &Scope{From: scope.To, To: scope.From}})
	require.ErrorIs(t, err, ErrInvalidScope)
	r, err = Diff(old, compileText(t, "z.yaml", strings.Replace(string(base), "4h business, P2", "4h weekend, P2", 1)), DiffOptions{Scope: scope})
	require.NoError(t, err)
	assert.Contains(t, r.Tiers[0].Targets[0].EffectError, "zone", "weekend runs in the account's zone, which the scope does not give")
}

// A tier's name is cosmetic unless a CEL expression of either catalog
// may read it: then a rule can decide on it, and the name is a field.
func TestDiffTierName(t *testing.T) {
	const src = `
tiers:
  a: {name: A, response: {P1: 1h 24x7}}
rules:
  - {id: r, when: "%s", within: 30m}
`
	for _, tc := range []struct {
		when     string
		semantic bool
	}{
		{"tier.family == 'x'", false},
		{"tier.name == 'A'", true},
	} {
		t.Run(tc.when, func(t *testing.T) {
			old := compileText(t, "old.yaml", strings.Replace(src, "%s", tc.when, 1))
			nw := compileText(t, "new.yaml", strings.Replace(strings.Replace(src, "%s", tc.when, 1), "name: A", "name: B", 1))
			r, err := Diff(old, nw, DiffOptions{})
			require.NoError(t, err)
			assert.Equal(t, tc.semantic, r.Changed)
			if tc.semantic {
				assert.Equal(t, []FieldChange{{Path: "name", Old: "A", New: "B"}}, r.Tiers[0].Fields)
			} else {
				assert.Equal(t, []FieldChange{{Path: "tiers.a.name", Old: "A", New: "B"}}, r.Cosmetic)
			}
			before, err := old.Deadline(Case{Tier: "a", Priority: 1, Opened: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)})
			require.NoError(t, err)
			after, err := nw.Deadline(Case{Tier: "a", Priority: 1, Opened: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)})
			require.NoError(t, err)
			assert.Equal(t, tc.semantic, before.Due != after.Due, "the answer changes exactly when Diff says so")
		})
	}
}
