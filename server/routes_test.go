package server

import (
	"bytes"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHealthReadyCatalog(t *testing.T) {
	s, ts := testServer(t, Config{Catalogs: []string{"testdata/tiers.yaml"}})
	status, v := get(t, ts.URL, "/healthz")
	assert.Equal(t, 200, status)
	assert.Equal(t, "ok", v["status"])

	status, v = get(t, ts.URL, "/readyz")
	assert.Equal(t, 200, status)
	assert.Equal(t, s.Revision(), v["revision"])
	assert.Len(t, s.Revision(), 16)

	status, v = get(t, ts.URL, "/v1/catalog")
	require.Equal(t, 200, status)
	assert.Equal(t, s.Revision(), v["revision"])
	assert.Equal(t, []any{"testdata/tiers.yaml"}, v["sources"])
	tiers := v["tiers"].([]any)
	require.Len(t, tiers, 2)
	assert.Equal(t, "silver", tiers[0].(map[string]any)["id"])
	assert.Equal(t, []any{"au"}, tiers[1].(map[string]any)["aliases"])
	assert.NotEmpty(t, v["loadedAt"])
}

func TestDefaultAndBuiltinCatalogs(t *testing.T) {
	def, _ := testServer(t, Config{})
	aws, ts := testServer(t, Config{Builtin: "aws"})
	assert.NotEqual(t, def.Revision(), aws.Revision())
	_, v := get(t, ts.URL, "/v1/catalog")
	assert.Equal(t, []any{"builtin:aws"}, v["sources"])
	_, err := New(Config{Builtin: "nope"})
	require.Error(t, err)
}

func TestNotFoundAndMethod(t *testing.T) {
	_, ts := testServer(t, Config{})
	tests := []struct {
		name, method, path string
		status             int
		code               string
	}{
		{"unknown question", "POST", "/v1/horoscope", 404, CodeNotFound},
		{"unknown path", "GET", "/nothing", 404, CodeNotFound},
		{"GET a question", "GET", "/v1/deadline", 405, CodeMethod},
		{"POST the catalog", "POST", "/v1/catalog", 404, CodeNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, ts.URL+tt.path, nil)
			require.NoError(t, err)
			status, v := do(t, req)
			assert.Equal(t, tt.status, status)
			assert.Equal(t, tt.code, errorOf(t, v)["code"])
		})
	}
}

func TestCORS(t *testing.T) {
	_, ts := testServer(t, Config{CORSOrigin: "https://billing.example"})
	for _, origin := range []string{"https://billing.example", "https://evil.example"} {
		req, err := http.NewRequest(http.MethodOptions, ts.URL+"/v1/catalog", nil)
		require.NoError(t, err)
		req.Header.Set("Origin", origin)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusNoContent, resp.StatusCode, "a preflight needs no token")
		allowed := resp.Header.Get("Access-Control-Allow-Origin")
		if origin == "https://billing.example" {
			assert.Equal(t, origin, allowed)
		} else {
			assert.Empty(t, allowed)
		}
	}
	_, off := testServer(t, Config{})
	req, _ := http.NewRequest(http.MethodGet, off.URL+"/v1/catalog", nil)
	req.Header.Set("Origin", "https://billing.example")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Empty(t, resp.Header.Get("Access-Control-Allow-Origin"), "CORS is off by default")
}

const deadlineBody = `{"tier":"gold","priority":"P1","opened":"2026-03-02T09:00:00Z"}`

func TestConcurrencyLimit(t *testing.T) {
	s, ts := testServer(t, Config{Catalogs: []string{"testdata/tiers.yaml"}, MaxInFlight: 2})
	entered, release := make(chan struct{}, 2), make(chan struct{})
	s.beforeDecide = func(*http.Request) { entered <- struct{}{}; <-release }
	var wg sync.WaitGroup
	codes := make([]int, 2)
	for i := range 2 {
		wg.Go(func() { codes[i], _ = post(t, ts.URL, "/v1/deadline", deadlineBody) })
	}
	<-entered
	<-entered
	status, v := post(t, ts.URL, "/v1/deadline", deadlineBody)
	assert.Equal(t, http.StatusServiceUnavailable, status)
	assert.Equal(t, CodeUnavailable, errorOf(t, v)["code"])
	status, _ = get(t, ts.URL, "/healthz")
	assert.Equal(t, 200, status, "health is not limited")
	assert.Contains(t, scrape(t, ts.URL), "tiercel_http_requests_in_flight 2", "the refused request is not in flight")
	close(release)
	wg.Wait()
	assert.Equal(t, []int{200, 200}, codes)
	assert.Contains(t, scrape(t, ts.URL), "tiercel_http_requests_in_flight 0")
	status, _ = post(t, ts.URL, "/v1/deadline", deadlineBody)
	assert.Equal(t, http.StatusOK, status, "the refusal gave its place back")
}

func TestPanicGives500WithDecisionID(t *testing.T) {
	var logs bytes.Buffer
	s, ts := testServer(t, Config{Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	s.beforeDecide = func(*http.Request) { panic("boom") }
	status, v := post(t, ts.URL, "/v1/deadline", deadlineBody)
	assert.Equal(t, 500, status)
	e := errorOf(t, v)
	assert.Equal(t, CodeInternal, e["code"])
	assert.Equal(t, "internal error", e["message"], "a 500 says nothing of the program's state")
	id, _ := e["decisionId"].(string)
	require.Len(t, id, 16)
	assert.Contains(t, logs.String(), `"decisionId":"`+id+`"`)
	assert.Contains(t, logs.String(), "boom")
	assert.True(t, strings.Contains(logs.String(), "stack"))
}
