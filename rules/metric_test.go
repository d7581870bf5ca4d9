package rules

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

func TestParseMetric(t *testing.T) {
	for m, row := range builtinMetrics {
		got, err := builtinSet.parse(row.name)
		require.NoError(t, err)
		assert.Equal(t, metric(m), got)
	}
	_, err := builtinSet.parse("Response")
	assert.EqualError(t, err, `unknown metric "Response" (known: response, nextReply, update, resolution)`)
	assert.Equal(t, []string{"response", "nextReply", "update", "resolution"}, BuiltinMetrics())
}

// A rule that names the response metric decides as one that names none;
// rules are chained per metric.
func TestRuleMetric(t *testing.T) {
	const src = okTier + "rules:\n  - id: named\n    when: case.language == 'ja'\n    metric: response\n    within: 2h\n  - id: unnamed\n    when: case.language == 'fr'\n    within: 3h\n"
	e, err := Compile("t.yaml", []byte(src))
	require.NoError(t, err)
	for _, tc := range []struct{ lang, rule, due string }{
		{"ja", "named", "2026-03-02T11:00:00Z"},
		{"fr", "unnamed", "2026-03-02T12:00:00Z"},
		{"en", "tiers.x.response.P1", "2026-03-02T10:00:00Z"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			d, err := e.Deadline(Case{Tier: "x", Priority: slo.P1, Opened: at(t, "2026-03-02T09:00:00Z", "UTC"), Language: tc.lang})
			require.NoError(t, err)
			assert.Equal(t, tc.rule, d.Rule)
			assert.Equal(t, tc.due, d.Due.UTC().Format("2006-01-02T15:04:05Z"))
		})
	}
	chain := e.tiers["x"].objectives[response].decide[slo.P1]
	require.NotNil(t, chain)
	assert.Len(t, chain.rules, 2)
}

// zendeskLifecycle declares two of Zendesk's SLA metrics: requester wait
// time (paused while pending) and agent work time (paused while pending or
// on hold), both stopped when the case is solved and continued at a
// reopening.
const zendeskLifecycle = `lifecycle:
  metrics:
    requester_wait_time:
      start: "event.type == 'open' || event.reopened"
      stop: "event.status == 'solved'"
      pause: "event.status == 'pending'"
      resume: "event.status != 'pending'"
      reopen: continue
    agent_work_time:
      start: "event.type == 'open' || event.reopened"
      stop: "event.status == 'solved'"
      pause: "event.status in ['pending', 'on-hold']"
      resume: "!(event.status in ['pending', 'on-hold'])"
      reopen: continue
`

const zendeskTiers = `tiers:
  zd:
    name: Zendesk
    response: {P1: 1h 24x7}
    requester_wait_time: {P1: 8h 24x7, P2: 24h 24x7}
    agent_work_time: {P1: 4h 24x7}
rules:
  - id: vip-wait
    when: "'vip' in case.attrs"
    metric: requester_wait_time
    within: 6h
`

// A catalog declares metrics of its own under lifecycle.metrics: tiers give
// them targets, rules decide them, and Timeline runs their clocks with the
// conditions written.
func TestDeclaredMetrics(t *testing.T) {
	e, err := compileFiles([]string{"tiers.yaml", "lifecycle.yaml"}, [][]byte{[]byte(zendeskTiers), []byte(zendeskLifecycle)})
	require.NoError(t, err)
	assert.Equal(t, []string{"response", "nextReply", "update", "resolution", "requester_wait_time", "agent_work_time"}, e.Metrics())
	tr, err := e.Tier("zd")
	require.NoError(t, err)
	assert.Equal(t, slo.Table{slo.P1: {Within: 4 * time.Hour, Calendar: "24x7"}}, tr.Targets["agent_work_time"])
	assert.Len(t, tr.Targets, 3, "response and the two declared metrics")

	h := func(hours int) time.Time {
		return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC).Add(time.Duration(hours) * time.Hour)
	}
	events := []Event{
		{At: h(1), Type: EventMessage, By: ByAgent, Status: "pending"},
		{At: h(3), Type: EventMessage, By: ByCustomer, Status: "open"},
		{At: h(4), Type: EventStatus, Status: "on-hold"},
		{At: h(6), Type: EventStatus, Status: "solved"},
		{At: h(7), Type: EventMessage, By: ByCustomer, Status: "open"},
	}
	tests := []struct {
		name, metric   string
		attrs          map[string]any
		elapsed, pause time.Duration
		rule           string
		due            time.Time
	}{
		// Runs 0-1, pending 1-3, runs 3-6 (on hold counts), solved 6-7, runs 7-9.
		{"requester wait", "requester_wait_time", nil, 6 * time.Hour, 3 * time.Hour, "tiers.zd.requester_wait_time.P1", h(11)},
		{"requester wait, vip rule", "requester_wait_time", map[string]any{"vip": true}, 6 * time.Hour, 3 * time.Hour, "vip-wait", h(9)},
		// Runs 0-1, paused 1-3, runs 3-4, on hold 4-6, solved 6-7, runs 7-9.
		{"agent work", "agent_work_time", nil, 4 * time.Hour, 5 * time.Hour, "tiers.zd.agent_work_time.P1", h(9)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := Case{Tier: "zd", Priority: slo.P1, Opened: h(0), Attrs: tc.attrs}
			tl, err := e.Timeline(c, events, h(9))
			require.NoError(t, err)
			got := cycles(t, tl, tc.metric)
			require.Len(t, got, 1, "a reopening continues the cycle")
			assert.Equal(t, CycleRunning, got[0].State)
			assert.Equal(t, tc.rule, got[0].Rule)
			assert.Equal(t, tc.elapsed, got[0].Elapsed)
			assert.Equal(t, tc.pause, got[0].Paused)
			assert.Equal(t, tc.due, got[0].Due)
			_, tracked := tl.Metric("nextReply")
			assert.False(t, tracked, "the tier promises no next reply")
		})
	}
}

// Every condition of every metric, built in or declared, compiles to a
// CEL program or a native default: none is nil.
func TestNoMetricWithoutCondition(t *testing.T) {
	e, err := Compile("t.yaml", []byte(zendeskTiers+zendeskLifecycle+`    bare: {start: "true", stop: "false"}
`))
	require.NoError(t, err)
	require.Len(t, e.lifecycle.metrics, 7)
	for _, mr := range e.lifecycle.metrics {
		for k := range numConds {
			assert.True(t, mr.prg[k] != nil || mr.native[k] != nil, "%s %s", mr.name, condNames[k])
		}
	}
}

// A rule may decide a metric declared later in the same file.
func TestRuleOnDeclaredMetric(t *testing.T) {
	e, err := Compile("t.yaml", []byte(okTier+"rules: [{id: r, when: 'true', metric: wait, within: 1h}]\nlifecycle: {metrics: {wait: {start: 'true', stop: 'false'}}}\n"))
	require.NoError(t, err)
	assert.Equal(t, metric(numBuiltins), e.rules[0].metric)
}

// A catalog has at most maxMetrics metrics, built-ins included: the first
// declared metric over the limit is the error.
func TestTooManyMetrics(t *testing.T) {
	var b strings.Builder
	b.WriteString(okTier + "lifecycle:\n  metrics:\n")
	for i := range maxMetrics - int(numBuiltins) + 1 {
		fmt.Fprintf(&b, "    m%d: {start: 'true', stop: 'true'}\n", i)
	}
	_, err := Compile("t.yaml", []byte(b.String()))
	var l ErrorList
	require.ErrorAs(t, err, &l)
	require.Len(t, l, 1)
	assert.Equal(t, fmt.Sprintf("t.yaml:%d:5: lifecycle.metrics.m60: more than 64 metrics", 7+maxMetrics-int(numBuiltins)), l[0].Error())
}
