package input

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func TestFormatDuration(t *testing.T) {
	tests := map[time.Duration]string{
		90 * time.Minute: "1h30m", time.Hour: "1h", 45 * time.Minute: "45m", 90 * time.Second: "1m30s",
		72 * time.Hour: "72h", time.Second: "1s", 0: "0s",
	}
	for d, want := range tests {
		t.Run(want, func(t *testing.T) { assert.Equal(t, want, FormatDuration(d)) })
	}
}

// Whatever yamlString writes, YAML reads back as the same string.
func TestYAMLString(t *testing.T) {
	for _, s := range []string{"plain", `say "hi"`, `it's "x"`, "tab\there", `back\slash`, "é ü 日本", "line\nbreak", `'`, ` lead`} {
		t.Run(s, func(t *testing.T) {
			var got string
			require.NoError(t, yaml.Unmarshal([]byte("v: "+yamlString(s)), &struct{ V *string }{&got}))
			assert.Equal(t, s, got)
		})
	}
}

// A comment of several lines stays a comment, whatever it holds.
func TestWriteCatalogComments(t *testing.T) {
	im := &Import{Tier: "t", Header: []string{"one"}, Tables: []ImportTable{{Metric: "response", Comment: "a\nversion: 2\n", Targets: [5]string{1: "1h 24x7"}}}}
	var b strings.Builder
	require.NoError(t, im.WriteCatalog(&b))
	assert.Equal(t, "# one\nversion: 1\ntiers:\n  t:\n    name: \"t\"\n    # a\n    # version: 2\n    #\n    response:\n      P1: 1h 24x7\n", b.String())
}

// A condition several rules share is written once, anchored at its first
// rule and aliased at the others; a condition of one rule has no anchor;
// the catalog compiles to the rules as written, each its own condition.
func TestWriteCatalogSharedConditions(t *testing.T) {
	shared, other := `'type' in case.attrs && case.attrs['type'] == "incident"`, "'vip' in case.attrs"
	rs := []ImportRule{
		{ID: "p-1.response.1", When: shared, Metric: "response", Priorities: []slo.Priority{slo.P1}, Within: time.Hour, Calendar: "24x7"},
		{ID: "p-1.response.2", When: other, Metric: "response", Priorities: []slo.Priority{slo.P2}, Within: 2 * time.Hour, Calendar: "24x7"},
		{ID: "p-1-response-1", When: "true", Metric: "response", Priorities: []slo.Priority{slo.P3}, Within: 3 * time.Hour, Calendar: "24x7"},
		{ID: "p-1-response-1x", When: "false", Metric: "response", Priorities: []slo.Priority{slo.P3}, Within: 3 * time.Hour, Calendar: "24x7"},
		{ID: "p-1.response.3", When: shared, Metric: "response", Priorities: []slo.Priority{slo.P4}, Within: 4 * time.Hour, Calendar: "24x7"},
		{ID: "p-2-response-1", When: "false", Metric: "response", Priorities: []slo.Priority{slo.P4}},
	}
	im := &Import{Tier: "t", Tables: []ImportTable{{Metric: "response", Targets: [5]string{1: "1h 24x7"}}}, Rules: rs}
	var b strings.Builder
	require.NoError(t, im.WriteCatalog(&b))
	out := b.String()
	for _, want := range []string{
		"  - id: p-1.response.1\n    when: &p-1-response-1 '" + strings.ReplaceAll(shared, "'", "''") + "'\n",
		"  - id: p-1.response.2\n    when: \"'vip' in case.attrs\"\n",
		"  - id: p-1-response-1x\n    when: &p-1-response-1x \"false\"\n",
		"  - id: p-1.response.3\n    when: *p-1-response-1\n",
		"  - id: p-2-response-1\n    when: *p-1-response-1x\n",
	} {
		assert.Contains(t, out, want)
	}
	assert.Equal(t, 1, strings.Count(out, yamlString(shared)), "the shared condition is written once")

	e, err := rules.Compile("c.yaml", []byte(out))
	require.NoError(t, err, out)
	for _, tc := range []struct {
		name     string
		attrs    map[string]any
		priority slo.Priority
		rule     string
	}{
		{"the anchored condition holds", map[string]any{"type": "incident"}, slo.P1, "p-1.response.1"},
		{"the alias is the same condition", map[string]any{"type": "incident"}, slo.P4, "p-1.response.3"},
		{"a condition of its own", map[string]any{"vip": true}, slo.P2, "p-1.response.2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := e.Deadline(rules.Case{Tier: "t", Priority: tc.priority, Opened: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), Attrs: tc.attrs})
			require.NoError(t, err)
			assert.Equal(t, tc.rule, d.Rule)
		})
	}
}

// Anchor names are the rule's id in the characters yaml.v3 reads, unique.
func TestWhensName(t *testing.T) {
	w := newWhens(nil)
	for _, tc := range []struct{ id, want string }{
		{"zendesk-1.response.1", "zendesk-1-response-1"},
		{"zendesk-1-response-1", "zendesk-1-response-1-2"},
		{"zendesk-1-response.1", "zendesk-1-response-1-3"},
		{"a_b", "a_b"},
		{"", "when"},
	} {
		t.Run(tc.want, func(t *testing.T) { assert.Equal(t, tc.want, w.name(tc.id)) })
	}
}
