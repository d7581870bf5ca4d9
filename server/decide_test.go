package server

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
)

func TestRequestDeadline(t *testing.T) {
	s, ts := testServer(t, Config{RequestTimeout: 20 * time.Millisecond})
	s.beforeDecide = func(*http.Request) { time.Sleep(60 * time.Millisecond) }
	status, v := post(t, ts.URL, "/v1/deadline", `{"tier":"enhanced","priority":"P1","opened":"2026-03-02T09:00:00Z"}`)
	assert.Equal(t, http.StatusServiceUnavailable, status)
	assert.Contains(t, errorOf(t, v)["message"], "deadline")
}

func TestDecisionIDs(t *testing.T) {
	_, ts := testServer(t, Config{})
	seen := map[any]bool{}
	for range 10 {
		_, v := post(t, ts.URL, "/v1/deadline", `{"tier":"enhanced","priority":"P1","opened":"2026-03-02T09:00:00Z"}`, decisionHeader, "forged")
		assert.Len(t, v["decisionId"], 16, "a client cannot choose the id")
		seen[v["decisionId"]] = true
	}
	assert.Len(t, seen, 10, "every decision has its own id")
}

// slowCaseJSON is a case of rules/testdata/slow.yaml whose rule evaluation is long.
func slowCaseJSON() string {
	xs := make([]string, 400)
	for i := range xs {
		xs[i] = fmt.Sprint(i)
	}
	return `{"tier":"std","priority":"P1","opened":"2026-03-02T00:00:00Z","attrs":{"xs":[` + strings.Join(xs, ",") + `]}}`
}

// TestRequestDeadlineMidEvaluation checks that the per-request deadline
// stops a decision while it is evaluated, not only before: a request whose
// evaluation is long (a replay of 20 cases, each deciding a rule of tens
// of milliseconds on two tiers; one such rule for deadline, status and
// timeline), with a request timeout a quarter of one such evaluation,
// gets a 503 with the JSON error once its deadline passes, and the replay
// answers in less than half of what evaluating it whole takes.
func TestRequestDeadlineMidEvaluation(t *testing.T) {
	path := "../rules/testdata/slow.yaml" // a rule of tens of milliseconds
	one := slowCaseJSON()
	const cases = 20
	replay := `{"from":"std","to":"alt","cases":[` + strings.Repeat(one+",", cases-1) + one + `]}`
	status := strings.TrimSuffix(one, "}") + `,"now":"2026-03-02T00:30:00Z"}`

	e, err := rules.Load(path)
	require.NoError(t, err)
	var c rules.Case
	c.Tier, c.Priority, c.Opened = "std", 1, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	c.Attrs = map[string]any{"xs": make([]any, 0)}
	for i := range 400 {
		c.Attrs["xs"] = append(c.Attrs["xs"].([]any), int64(i))
	}
	one1 := time.Hour // one evaluation, the fastest of three; the whole replay takes 2·cases of them
	for range 3 {
		start := time.Now()
		_, err = e.Deadline(c)
		require.NoError(t, err)
		one1 = min(one1, time.Since(start))
	}
	// A deadline a quarter of one evaluation passes during it, on a fast
	// machine or a loaded one, and long after the body is read.
	_, ts := testServer(t, Config{Catalogs: []string{path}, RequestTimeout: max(one1/4, time.Millisecond)})

	for _, tc := range []struct{ name, path, body string }{
		{"replay", "/v1/replay", replay},
		{"deadline", "/v1/deadline", one},
		{"status", "/v1/status", status},
		{"timeline", "/v1/timeline", status},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			code, v := post(t, ts.URL, tc.path, tc.body)
			took := time.Since(start)
			assert.Equal(t, http.StatusServiceUnavailable, code)
			e := errorOf(t, v)
			assert.Equal(t, CodeUnavailable, e["code"])
			assert.Contains(t, e["message"], "while it was decided")
			t.Logf("%s: answered in %s; one evaluation %s", tc.name, took, one1)
		})
	}
}
