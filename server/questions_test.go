package server

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecisions(t *testing.T) {
	_, ts := testServer(t, Config{Catalogs: []string{"testdata/tiers.yaml"}})
	tests := []struct {
		name, path, body string
		want             string // a fragment of the result's JSON
	}{
		{"deadline", "/v1/deadline", `{"tier":"gold","priority":"P1","opened":"2026-03-02T09:00:00Z"}`, `"due":"2026-03-02T10:00:00Z"`},
		{"deadline rule", "/v1/deadline", `{"tier":"silver","priority":"P1","opened":"2026-03-02T09:00:00Z","attrs":{"production":true}}`, `"rule":"production-down"`},
		{"status", "/v1/status", `{"tier":"gold","priority":"P1","opened":"2026-03-02T09:00:00Z","now":"2026-03-02T09:30:00Z"}`, `"due":"2026-03-02T10:00:00Z"`},
		{"timeline", "/v1/timeline", `{"tier":"gold","priority":"P2","opened":"2026-03-02T09:00:00Z","now":"2026-03-02T20:00:00Z","events":[{"at":"2026-03-02T10:00:00Z","type":"message","by":"agent"}]}`, `"Metrics"`},
		{"compare", "/v1/compare", `{"from":"silver","to":"gold"}`, `"changes"`},
		{"compare scope", "/v1/compare", `{"from":"silver","to":"gold","scope":{"from":"2026-03-02T00:00:00Z","to":"2026-03-09T00:00:00Z"}}`, `"Effect"`},
		{"replay", "/v1/replay", `{"from":"silver","to":"gold","cases":[{"tier":"silver","priority":"P1","opened":"2026-03-02T09:00:00Z"}]}`, `"From":"silver"`},
		{"quote", "/v1/quote", `{"tier":"silver","spend":"2000 EUR"}`, `150`},
		{"allowed", "/v1/allowed", `{"action":"cases.create","principal":{"groups":["support"]}}`, `"Allowed":true`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := http.Post(ts.URL+tt.path, "application/json", strings.NewReader(tt.body))
			require.NoError(t, err)
			defer resp.Body.Close()
			b := readAll(t, resp)
			require.Equal(t, http.StatusOK, resp.StatusCode, "%s", b)
			assert.Contains(t, b, tt.want)
			assert.Contains(t, b, `"revision":"`)
			assert.NotEmpty(t, resp.Header.Get(decisionHeader))
			assert.Contains(t, b, `"decisionId":"`+resp.Header.Get(decisionHeader)+`"`)
		})
	}
}

func TestDecisionErrors(t *testing.T) {
	_, ts := testServer(t, Config{Catalogs: []string{"testdata/tiers.yaml"}, MaxBody: 4096})
	tests := []struct {
		name, path, body string
		status           int
		code, field      string
	}{
		{"malformed JSON", "/v1/compare", `{"from":`, 400, CodeBadRequest, ""},
		{"not JSON at all", "/v1/deadline", `tier: gold`, 400, CodeBadRequest, ""},
		{"empty body", "/v1/quote", ``, 400, CodeBadRequest, ""},
		{"two values", "/v1/quote", `{"tier":"silver","spend":"1 EUR"} {}`, 400, CodeBadRequest, ""},
		{"unknown field", "/v1/compare", `{"from":"silver","to":"gold","zone":"x"}`, 400, CodeBadRequest, "zone"},
		{"wrong type", "/v1/compare", `{"from":1,"to":"gold"}`, 400, CodeBadRequest, "from"},
		{"missing field", "/v1/quote", `{"tier":"silver"}`, 400, CodeBadRequest, "spend"},
		{"bad money", "/v1/quote", `{"tier":"silver","spend":"lots"}`, 400, CodeBadRequest, "spend"},
		{"case unknown key", "/v1/deadline", `{"tier":"gold","priority":"P1","opened":"2026-03-02T09:00:00Z","color":"red"}`, 400, CodeBadInput, "color"},
		{"case bad priority", "/v1/deadline", `{"tier":"gold","priority":"P9","opened":"2026-03-02T09:00:00Z"}`, 400, CodeBadInput, "priority"},
		{"case wrong type", "/v1/deadline", `{"tier":"gold","priority":"P1","opened":[1]}`, 400, CodeBadInput, "opened"},
		{"replay case", "/v1/replay", `{"from":"silver","to":"gold","cases":[{"tier":"gold"}]}`, 400, CodeBadInput, "cases[0]"},
		{"unknown tier", "/v1/deadline", `{"tier":"platinum","priority":"P1","opened":"2026-03-02T09:00:00Z"}`, 422, CodeUndecidable, ""},
		{"no target", "/v1/deadline", `{"tier":"silver","priority":"P4","opened":"2026-03-02T09:00:00Z"}`, 422, CodeUndecidable, ""},
		{"unknown action", "/v1/allowed", `{"action":"cases.delete","principal":{}}`, 422, CodeUndecidable, ""},
		{"no price", "/v1/quote", `{"tier":"gold","spend":"1 EUR"}`, 422, CodeUndecidable, ""},
		{"too large", "/v1/deadline", `{"tier":"` + strings.Repeat("x", 5000) + `"}`, 413, CodeTooLarge, ""},
		{"deeply nested", "/v1/allowed", strings.Repeat("[", 3000), 400, CodeBadRequest, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, v := post(t, ts.URL, tt.path, tt.body)
			e := errorOf(t, v)
			assert.Equal(t, tt.status, status, "%v", e)
			assert.Equal(t, tt.code, e["code"])
			assert.NotEmpty(t, e["message"])
			if tt.field != "" {
				assert.Contains(t, e["field"], tt.field, "%v", e)
			}
		})
	}
}
