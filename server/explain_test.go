package server

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/rules"
)

// TestExplain asks POST /v1/explain about cases on each kind of calendar,
// with and without now: every answer validates against the document and
// says the row, the rules and the walk; errors are the deadline's.
func TestExplain(t *testing.T) {
	_, ts := testServer(t, Config{})
	_, router := loadOpenAPI(t)
	for _, tc := range []struct {
		name, body string
		status     int
		row        string
		withStatus bool
	}{
		{"24x7", `{"tier":"enhanced","priority":"P2","opened":"2026-03-06T16:30:00Z"}`, 200, "tiers.enhanced.response.P2", false},
		{"business hours across a weekend and DST", `{"tier":"standard","priority":"P3","opened":"2026-03-06T15:00:00-05:00","zone":"America/New_York"}`, 200, "tiers.standard.response.P3", false},
		{"status at now", `{"tier":"standard","priority":"P3","opened":"2026-03-06T15:00:00-05:00","zone":"America/New_York","now":"2026-03-09T12:00:00-04:00"}`, 200, "tiers.standard.response.P3", true},
		{"alias", `{"tier":"advanced","priority":"P1","opened":"2026-03-06T16:30:00Z"}`, 200, "tiers.enhanced.response.P1", false},
		{"unknown tier", `{"tier":"platinum","priority":"P1","opened":"2026-03-06"}`, 422, "", false},
		{"zone required", `{"tier":"standard","priority":"P3","opened":"2026-03-06"}`, 422, "", false},
		{"unknown field", `{"tier":"standard","priority":"P3","opened":"2026-03-06","events":[]}`, 400, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status := validateExchange(t, router, ts.URL, http.MethodPost, "/v1/explain", []byte(tc.body))
			require.Equal(t, tc.status, status)
			_, v := post(t, ts.URL, "/v1/explain", tc.body)
			if tc.status != http.StatusOK {
				assert.NotEmpty(t, errorOf(t, v)["message"])
				return
			}
			x := v["result"].(map[string]any)
			assert.Equal(t, tc.row, x["row"])
			assert.IsType(t, []any{}, x["rules"], "the default catalog has no rules: an empty list")
			assert.NotEmpty(t, x["text"])
			assert.NotEmpty(t, x["steps"])
			_, hasStatus := x["deadline"].(map[string]any)["status"]
			assert.Equal(t, tc.withStatus, hasStatus)
		})
	}
}

// TestExplainHonoursTheRequestContext: explain stops, as every question
// does, when the request's context is done, with an error wrapping the
// context's, where it used to explain the case whole.
func TestExplainHonoursTheRequestContext(t *testing.T) {
	e, err := rules.Load("../rules/testdata/slow.yaml")
	require.NoError(t, err)
	done, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tc := range []struct{ name, body string }{
		{"explain", slowCaseJSON()},
		{"explain status", strings.TrimSuffix(slowCaseJSON(), "}") + `,"now":"2026-03-02T00:30:00Z"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := decideExplain(done, e, []byte(tc.body))
			require.ErrorIs(t, err, context.Canceled)
			got, err := decideExplain(context.Background(), e, []byte(tc.body))
			require.NoError(t, err)
			assert.Equal(t, "slow", got.(answer.Explain).Deadline.Rule)
		})
	}
}
