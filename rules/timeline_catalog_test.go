package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

// Every metric is a key of a tier, with targets per priority like response,
// and a rule may decide any metric.
func TestLifecycleMetricsParse(t *testing.T) {
	const src = "tiers:\n  x:\n    name: X\n    response: {P1: 1h 24x7}\n    nextReply: {P1: 2h 24x7}\n    update: {P1: 3h 24x7}\n    resolution: {P1: 8h 24x7, P2: 16h 24x7}\n" +
		"rules:\n  - id: vip\n    when: case.language == 'ja'\n    metric: resolution\n    within: 4h\n"
	e, err := Compile("t.yaml", []byte(src))
	require.NoError(t, err)
	x := e.tiers["x"]
	for _, tc := range []struct {
		m    metric
		want time.Duration
	}{{response, time.Hour}, {nextReply, 2 * time.Hour}, {update, 3 * time.Hour}, {resolution, 8 * time.Hour}} {
		t.Run(builtinMetrics[tc.m].name, func(t *testing.T) {
			assert.Equal(t, tc.want, x.objectives[tc.m].target[slo.P1].Within)
			assert.Equal(t, "tiers.x."+builtinMetrics[tc.m].name+".P1", x.objectives[tc.m].row[slo.P1])
		})
	}
	require.NotNil(t, x.objectives[resolution].decide[slo.P1])
	assert.Nil(t, x.objectives[response].decide[slo.P1], "the rule names resolution only")
	assert.False(t, e.lifecycle.usesCEL, "no lifecycle section: every condition is a native default")
	assert.False(t, e.lifecycle.reevaluate)
	assert.True(t, e.lifecycle.metrics[resolution].continues)
	assert.False(t, e.lifecycle.metrics[update].continues)
}

// A lifecycle section overrides the defaults it names and keeps the others.
func TestLifecycleSettings(t *testing.T) {
	const src = okTier + "lifecycle:\n  solved: [done]\n  waiting: [on hold]\n  tierChange: reevaluate\n  metrics:\n" +
		"    resolution: {priorityChange: restart, keepPauses: false, reopen: new, pause: \"event.status == 'on hold' && case.priority != 'P1'\"}\n"
	e, err := Compile("t.yaml", []byte(src))
	require.NoError(t, err)
	lc := e.lifecycle
	assert.Equal(t, []string{"done"}, lc.solved)
	assert.Equal(t, []string{"on hold"}, lc.waiting)
	assert.True(t, lc.reevaluate)
	assert.True(t, lc.usesCEL)
	r := lc.metrics[resolution]
	assert.True(t, r.restart)
	assert.True(t, r.dropPauses)
	assert.False(t, r.continues)
	assert.NotNil(t, r.prg[condPause])
	assert.Equal(t, "lifecycle.resolution.pause", r.what[condPause], "the name its evaluation errors carry")
	assert.Nil(t, r.prg[condStop], "stop keeps its default")
	assert.False(t, lc.metrics[update].restart, "other metrics keep the defaults")
}

// Bad lifecycle sections are positioned errors, every one reported.
func TestLifecycleErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"enums and unknown keys", okTier + "lifecycle:\n  tierChange: sometimes\n  metrics:\n    foo: {}\n    update: {keepPauses: maybe, reopen: x, priorityChange: y, bogus: 1}\n", []string{
			`t.yaml:6:15: lifecycle.tierChange: must be fixed or reevaluate, got "sometimes"`,
			`t.yaml:8:5: lifecycle.metrics.foo: metric "foo" is not built in: write its start and stop conditions (missing start and stop)`,
			`t.yaml:9:26: lifecycle.metrics.update.keepPauses: must be true or false, got "maybe"`,
			`t.yaml:9:41: lifecycle.metrics.update.reopen: must be new or continue, got "x"`,
			`t.yaml:9:60: lifecycle.metrics.update.priorityChange: must be retarget or restart, got "y"`,
			`t.yaml:9:63: lifecycle.metrics.update.bogus: unknown key "bogus" (want one of start, stop, pause, resume, reset, priorityChange, keepPauses, reopen)`,
		}},
		{"cel errors point into the expression", okTier + "lifecycle:\n  metrics:\n    resolution:\n      pause: \"event.stauts == 'x'\"\n      stop: event.type\n", []string{
			`t.yaml:8:20: lifecycle.metrics.resolution.pause: undefined field 'stauts'`,
			`t.yaml:9:13: lifecycle.metrics.resolution.stop: must be bool, got string`,
		}},
		{"not a mapping", okTier + "lifecycle: 3\n", []string{
			`t.yaml:5:12: lifecycle: must be a mapping with solved, waiting, tierChange or metrics`,
		}},
		{"metric not a mapping", okTier + "lifecycle: {metrics: {response: 2}}\n", []string{
			`t.yaml:5:33: lifecycle.metrics.response: must be a mapping of conditions (start, stop, pause, resume, reset) and settings`,
		}},
		{"target on an unknown calendar", "tiers: {x: {name: X, response: {P1: 1h 24x7}, resolution: {P1: 4h moon}}}\n", []string{
			`t.yaml:1:64: tiers.x.resolution.P1: unknown calendar "moon"`,
		}},
		{"rule on an unknown metric", okTier + "rules: [{id: r, when: 'true', metric: reply, within: 1h}]\n", []string{
			`t.yaml:5:39: rules[0].metric: unknown metric "reply" (known: response, nextReply, update, resolution)`,
		}},
		{"declared metric without stop", okTier + "lifecycle: {metrics: {wait: {start: 'true'}}}\n", []string{
			`t.yaml:5:23: lifecycle.metrics.wait: metric "wait" is not built in: write its start and stop conditions (missing stop)`,
		}},
		{"declared metric with pause and no resume", okTier + "lifecycle: {metrics: {wait: {start: 'true', stop: 'false', pause: 'true'}}}\n", []string{
			`t.yaml:5:23: lifecycle.metrics.wait: metric "wait" writes one of pause and resume: write both, or neither (it never pauses)`,
		}},
		{"declared metric misnamed", okTier + "lifecycle: {metrics: {1st: {start: 'true', stop: 'false'}}}\n", []string{
			`t.yaml:5:23: lifecycle.metrics.1st: invalid metric name "1st": use letters, digits and '_', starting with a letter`,
		}},
		{"declared metric named like a tier key", okTier + "lifecycle: {metrics: {price: {start: 'true', stop: 'false'}}}\n", []string{
			`t.yaml:5:23: lifecycle.metrics.price: metric "price" would clash with the tier key "price"`,
		}},
		{"targets of an undeclared metric", "tiers: {x: {name: X, response: {P1: 1h 24x7}, wait: {P1: 1h 24x7}}}\n", []string{
			`t.yaml:1:47: tiers.x.wait: unknown key "wait" (want one of name, description, aliases, family, legacy, response, nextReply, update, resolution, languages, channels, services, price, prices, source)`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compile("t.yaml", []byte(tc.src))
			var l ErrorList
			require.ErrorAs(t, err, &l)
			got := make([]string, len(l))
			for i, e := range l {
				got[i] = e.Error()
			}
			assert.Equal(t, tc.want, got)
			assert.ErrorIs(t, err, ErrInvalidCatalog)
		})
	}
}

// Only one file of a catalog may hold the lifecycle section.
func TestLifecycleTwice(t *testing.T) {
	_, err := compileFiles([]string{"a.yaml", "b.yaml"}, [][]byte{[]byte(okTier + "lifecycle: {tierChange: fixed}\n"), []byte("lifecycle: {}\n")})
	var l ErrorList
	require.ErrorAs(t, err, &l)
	require.Len(t, l, 1)
	assert.Equal(t, "b.yaml:1:1: lifecycle: lifecycle defined twice (first at a.yaml:5:1)", l[0].Error())
}

// Tier reports the targets of every metric the tier promises, by name;
// the metrics it does not promise are absent.
func TestTierMetricTables(t *testing.T) {
	e := timelineCatalog(t, "")
	std, err := e.Tier("std")
	require.NoError(t, err)
	assert.Equal(t, slo.Table{slo.P1: {Within: time.Hour, Calendar: "24x7"}, slo.P2: {Within: 2 * time.Hour, Calendar: "24x7"}}, std.Targets["update"])
	assert.Len(t, std.Targets["nextReply"], 3)
	assert.Len(t, std.Targets["resolution"], 3)
	premium, err := e.Tier("premium")
	require.NoError(t, err)
	assert.NotContains(t, premium.Targets, "nextReply")
	assert.NotContains(t, premium.Targets, "update")
	assert.Contains(t, premium.Targets, "response")
	assert.Equal(t, slo.Table{slo.P1: {Within: 2 * time.Hour, Calendar: "24x7"}, slo.P2: {Within: 4 * time.Hour, Calendar: "24x7"}}, premium.Targets["resolution"])
}
