package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Rules are compared by id: a changed condition gives both texts, a rule
// tried in another order is moved, and each names what it can decide.
func TestDiffRules(t *testing.T) {
	old := compileText(t, "old.yaml", `
tiers:
  a: {name: A, response: {P1: 1h 24x7, P2: 2h 24x7}}
  b: {name: B, response: {P1: 1h 24x7}}
rules:
  - {id: fast, when: "case.attrs.?vip.orValue(false) == true", tiers: [a], priorities: [P1], within: 30m}
  - {id: slow, when: "case.language == 'fr'", within: 4h}
  - {id: gone, when: "false", within: 1h}
`)
	nw := compileText(t, "new.yaml", `
tiers:
  a: {name: A, response: {P1: 1h 24x7, P2: 2h 24x7}}
  b: {name: B, response: {P1: 1h 24x7}}
rules:
  - {id: slow, when: "case.language == 'fr'", within: 4h}
  - {id: fast, when: "case.attrs.?vip.orValue(true) == true", tiers: [a], priorities: [P1], within: 30m}
  - {id: new, when: "true", metric: resolution, tiers: [b], within: 8h}
`)
	r, err := Diff(old, nw, DiffOptions{})
	require.NoError(t, err)
	require.True(t, r.Changed)
	assert.Equal(t, []RuleDiff{
		{ID: "fast", Status: StatusChanged, Moved: true, OldIndex: 1, NewIndex: 2,
			Fields: []FieldChange{{Path: "when", Old: "case.attrs.?vip.orValue(false) == true", New: "case.attrs.?vip.orValue(true) == true"}},
			Tiers:  []string{"a"}, Metrics: []string{"response"}, Priorities: []string{"P1"}},
		{ID: "new", Status: StatusAdded, NewIndex: 3, Tiers: []string{"b"}, Metrics: []string{"resolution"}, Priorities: []string{"P1", "P2", "P3", "P4"}},
		{ID: "gone", Status: StatusRemoved, OldIndex: 3, Tiers: []string{"a", "b"}, Metrics: []string{"response"}, Priorities: []string{"P1", "P2", "P3", "P4"}},
	}, r.Rules)
}
