package server

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
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
		{"timeline", "/v1/timeline", `{"tier":"gold","priority":"P2","opened":"2026-03-02T09:00:00Z","now":"2026-03-02T20:00:00Z","events":[{"at":"2026-03-02T10:00:00Z","type":"message","by":"agent"}]}`, `"metrics":[{"metric":"response"`},
		{"compare", "/v1/compare", `{"from":"silver","to":"gold"}`, `"changes"`},
		{"compare scope", "/v1/compare", `{"from":"silver","to":"gold","scope":{"from":"2026-03-02T00:00:00Z","to":"2026-03-09T00:00:00Z"}}`, `"effect":{"kind":"improved"`},
		{"compare scope dates in zone", "/v1/compare", `{"from":"silver","to":"gold","scope":{"zone":"Asia/Tokyo","from":"2026-03-02","to":"2026-03-09"}}`, `"from":"2026-03-02T00:00:00+09:00"`},
		{"replay", "/v1/replay", `{"from":"silver","to":"gold","cases":[{"tier":"silver","priority":"P1","opened":"2026-03-02T09:00:00Z"}]}`, `"earlier":1`},
		{"quote", "/v1/quote", `{"tier":"silver","spend":"2000 EUR"}`, `"total":{"amount":"150.00","currency":"EUR","minor":15000}`},
		{"quote period", "/v1/quote", `{"tier":"silver","spend":"2000 EUR","period":"2026-02-15/2026-02-28"}`, `"billedDays":14`},
		{"allowed", "/v1/allowed", `{"action":"cases.create","principal":{"groups":["support"]}}`, `"allowed":true`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header, b := checkDecision(t, ts.URL+tt.path, tt.body, http.StatusOK, tt.want)
			assert.Contains(t, b, `"revision":"`)
			assert.NotEmpty(t, header.Get(decisionHeader))
			assert.Contains(t, b, `"decisionId":"`+header.Get(decisionHeader)+`"`)
		})
	}
}

const (
	premier      = `{"account":"acme","tier":"looker-premier","zone":"America/New_York","start":"2025-07-15","renewal":"2026-09-01","spend":"85000 USD","fee":"5000 USD","movesTo":"enhanced"}`
	premierSpend = `[{"month":"2026-01","account":"acme-prod","spend":"30000 USD"},{"month":"2026-02","account":"acme-prod","spend":"31000 USD"}]`
)

func TestContractDecisions(t *testing.T) {
	_, ts := testServer(t, Config{})
	tests := []struct {
		name, path, body string
		status           int
		want             string
	}{
		{"eligibility", "/v1/eligibility", `{"contract":` + premier + `,"at":"2026-03-02T10:00:00Z"}`, 200, `"eligible":true`},
		{"plan", "/v1/plan", `{"contract":` + premier + `,"at":"2026-03-02"}`, 200, `"options":[`},
		{"entitlements", "/v1/entitlements", `{"contract":` + premier + `,"at":"2026-03-02"}`, 200, `"tier":"looker-premier"`},
		{"entitlements moved", "/v1/entitlements", `{"contract":` + premier + `,"at":"2026-10-02","to":"premium"}`, 200, `"tier":"premium"`},
		{"invoice", "/v1/invoice", `{"contract":` + premier + `,"months":"2026-01..2026-02","spends":` + premierSpend + `}`, 200, `"total":{"amount":"10000.00"`},
		{"contract unknown key", "/v1/eligibility", `{"contract":{"tier":"looker-premier","colour":1},"at":"2026-03-02"}`, 400, `"field":"contract.colour"`},
		{"contract bad date", "/v1/eligibility", `{"contract":{"tier":"looker-premier","renewal":"soon"},"at":"2026-03-02"}`, 400, `"field":"contract.renewal"`},
		{"contract not an object", "/v1/eligibility", `{"contract":"acme","at":"2026-03-02"}`, 400, `"field":"contract"`},
		{"missing at", "/v1/eligibility", `{"contract":` + premier + `}`, 400, `"field":"at"`},
		{"bad at", "/v1/entitlements", `{"contract":` + premier + `,"at":"yesterday"}`, 400, `"field":"at"`},
		{"bad months", "/v1/invoice", `{"contract":` + premier + `,"months":"all","spends":[]}`, 400, `"field":"months"`},
		{"bad spend", "/v1/invoice", `{"contract":` + premier + `,"months":"2026-01","spends":[{"month":"2026-01","account":"a","spend":"lots"}]}`, 400, `"field":"spends`},
		{"unknown tier", "/v1/eligibility", `{"contract":{"tier":"platinum"},"at":"2026-03-02"}`, 422, `"code":"undecidable"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkDecision(t, ts.URL+tt.path, tt.body, tt.status, tt.want)
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
		{"a YAML flow mapping", "/v1/deadline", `{tier: gold, priority: P1, opened: 2026-03-02}`, 400, CodeBadRequest, ""},
		{"case duplicate key", "/v1/deadline", `{"tier":"gold","priority":"P1","opened":"2026-03-02T09:00:00Z","tier":"silver"}`, 400, CodeBadInput, "tier"},
		{"empty body", "/v1/quote", ``, 400, CodeBadRequest, ""},
		{"two values", "/v1/quote", `{"tier":"silver","spend":"1 EUR"} {}`, 400, CodeBadRequest, ""},
		{"unknown field", "/v1/compare", `{"from":"silver","to":"gold","zone":"x"}`, 400, CodeBadRequest, "zone"},
		{"wrong type", "/v1/compare", `{"from":1,"to":"gold"}`, 400, CodeBadRequest, "from"},
		{"missing field", "/v1/quote", `{"tier":"silver"}`, 400, CodeBadRequest, "spend"},
		{"bad money", "/v1/quote", `{"tier":"silver","spend":"lots"}`, 400, CodeBadRequest, "spend"},
		{"case unknown key", "/v1/deadline", `{"tier":"gold","priority":"P1","opened":"2026-03-02T09:00:00Z","color":"red"}`, 400, CodeBadInput, "color"},
		{"case bad priority", "/v1/deadline", `{"tier":"gold","priority":"P9","opened":"2026-03-02T09:00:00Z"}`, 400, CodeBadInput, "priority"},
		{"case wrong type", "/v1/deadline", `{"tier":"gold","priority":"P1","opened":[1]}`, 400, CodeBadInput, "opened"},
		{"scope zone", "/v1/compare", `{"from":"silver","to":"gold","scope":{"zone":"Mars/Olympus","from":"2026-03-02","to":"2026-03-09"}}`, 400, CodeBadRequest, "scope.zone"},
		{"scope to", "/v1/compare", `{"from":"silver","to":"gold","scope":{"from":"2026-03-02"}}`, 400, CodeBadRequest, "scope.to"},
		{"replay case", "/v1/replay", `{"from":"silver","to":"gold","cases":[{"tier":"gold"}]}`, 400, CodeBadInput, "cases[0]"},
		{"unknown tier", "/v1/deadline", `{"tier":"platinum","priority":"P1","opened":"2026-03-02T09:00:00Z"}`, 422, CodeUndecidable, ""},
		{"no target", "/v1/deadline", `{"tier":"silver","priority":"P4","opened":"2026-03-02T09:00:00Z"}`, 422, CodeUndecidable, ""},
		{"unknown action", "/v1/allowed", `{"action":"cases.delete","principal":{}}`, 422, CodeUndecidable, ""},
		{"no price", "/v1/quote", `{"tier":"gold","spend":"1 EUR"}`, 422, CodeUndecidable, ""},
		{"past year 9999", "/v1/status", `{"tier":"gold","priority":"P1","opened":"9999-12-31T23:30:00Z","now":"9999-12-31T23:40:00Z"}`, 422, CodeLimit, ""},
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

// checkDecision posts body to url and checks the status, that the answer
// contains want, and that a 200's result follows the command's JSON
// convention; it returns the headers and the body.
func checkDecision(t *testing.T, url, body string, status int, want string) (http.Header, string) {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	b := readAll(t, resp)
	assert.Equal(t, status, resp.StatusCode, "%s", b)
	assert.Contains(t, b, want)
	if status == http.StatusOK {
		assert.NoError(t, answer.Check([]byte(b)), "the result follows the JSON convention of the command")
	}
	return resp.Header, b
}
