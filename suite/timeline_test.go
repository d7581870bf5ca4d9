package suite

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
)

// TestTimelineSuite runs the timeline question's suite: a pause across a
// weekend, a retroactive priority change, next replies, a tier without a
// target and events out of order.
func TestTimelineSuite(t *testing.T) { Run(t, "testdata/timeline_test.yaml") }

// lifecycleEngine compiles the catalog of the timeline suite.
func lifecycleEngine(t *testing.T) *rules.Engine {
	t.Helper()
	e, err := rules.Load("testdata/lifecycle.yaml")
	require.NoError(t, err)
	return e
}

// Expectations that do not fit the question are positioned errors of the
// suite.
func TestTimelineExpectErrors(t *testing.T) {
	const (
		question = "    timeline: {tier: std, priority: P1, opened: 2026-03-02T00:00:00Z}\n"
		head     = "tests:\n  - name: a\n    now: 2026-03-03T00:00:00Z\n" + question
	)
	tests := []struct{ name, src, want string }{
		{"cycles not a list", head + "    expect: {response: {state: running}}\n", "t.yaml:5:24: tests[0].expect.response: must be a list of cycles, one mapping of state, start, tier, priority, target, rule, due, end, elapsed, paused, pauses, breached, overdue, warnings per cycle"},
		{"cycle not a mapping", head + "    expect: {response: [running]}\n", "t.yaml:5:25: tests[0].expect.response[0]: must be a mapping of state, start, tier, priority, target, rule, due, end, elapsed, paused, pauses, breached, overdue, warnings, got a scalar"},
		{"unknown cycle key", head + "    expect: {response: [{late: true}]}\n", `t.yaml:5:26: tests[0].expect.response[0].late: unknown key "late"`},
		{"bad duration", head + "    expect: {response: [{elapsed: soon}]}\n", `t.yaml:5:35: tests[0].expect.response[0].elapsed: invalid target: bad duration "soon"`},
		{"unknown metric", head + "    expect: {reply: []}\n", `t.yaml:5:14: tests[0].expect.reply: unknown key "reply"`},
		{"no now", "tests:\n  - name: a\n" + question + "    expect: {status: open}\n",
			"t.yaml:3:15: tests[0].timeline: missing now: the instant the timeline is computed at (here, in the test or in the suite)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("t.yaml", []byte(tc.src))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidSuite)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "got %s", err)
		})
	}
}

// TestDeclaredMetricsSuite runs a suite over metrics its catalog declares,
// expected under metrics: by name.
func TestDeclaredMetricsSuite(t *testing.T) { Run(t, "testdata/declared_test.yaml") }

// The timeline rows are the built-in metrics of the engine's table, then
// the declared metrics' row.
func TestTimelineRowsFollowTheMetricTable(t *testing.T) {
	keys := rowKeys(timelineRows)
	assert.Equal(t, append(rules.BuiltinMetrics(), "metrics"), keys[len(keys)-len(rules.BuiltinMetrics())-1:])
}
