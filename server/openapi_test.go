package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loadOpenAPI loads and validates the document, and a router over it.
func loadOpenAPI(t *testing.T) (*openapi3.T, routers.Router) {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(OpenAPI())
	require.NoError(t, err)
	require.Equal(t, "3.1.0", doc.OpenAPI)
	require.NoError(t, doc.Validate(context.Background()), "the document is valid OpenAPI")
	doc.Servers = nil // route on paths alone, whatever the test server's port
	router, err := legacy.NewRouter(doc)
	require.NoError(t, err)
	return doc, router
}

// servedRoutes are the documented routes of the server's table, as
// "METHOD /path".
func servedRoutes(t *testing.T) []string {
	s, err := New(Config{})
	require.NoError(t, err)
	var routes []string
	for _, r := range s.table() {
		if r.documented {
			routes = append(routes, r.pattern)
		}
	}
	sort.Strings(routes)
	return routes
}

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	doc, _ := loadOpenAPI(t)
	var documented []string
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			documented = append(documented, method+" "+path)
		}
	}
	sort.Strings(documented)
	assert.Equal(t, servedRoutes(t), documented, "every route is documented and every documented route served")

	_, ts := testServer(t, Config{})
	for _, route := range documented { // and the server has them: no 404 or 405
		method, path, _ := strings.Cut(route, " ")
		req, err := http.NewRequest(method, ts.URL+path, strings.NewReader("{}"))
		require.NoError(t, err)
		status, _ := do(t, req)
		assert.NotContains(t, []int{404, 405}, status, route)
	}
}

// TestOpenAPIExamplesAnswered posts every example request of the document
// and validates each answer against the document's response schema, as
// well as the operations' answers without a body and some errors.
func TestOpenAPIExamplesAnswered(t *testing.T) {
	doc, router := loadOpenAPI(t)
	_, ts := testServer(t, Config{})
	examples := 0
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			var body []byte
			if op.RequestBody != nil {
				ex := op.RequestBody.Value.Content.Get("application/json").Example
				require.NotNil(t, ex, "%s %s has an example request", method, path)
				body, _ = json.Marshal(ex)
				examples++
			}
			if body != nil {
				req, err := http.NewRequest(method, ts.URL+path, bytes.NewReader(body))
				require.NoError(t, err)
				req.Header.Set("Content-Type", "application/json")
				route, params, err := router.FindRoute(req)
				require.NoError(t, err)
				assert.NoError(t, openapi3filter.ValidateRequest(context.Background(), &openapi3filter.RequestValidationInput{
					Request: req, PathParams: params, Route: route, Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
				}), "the example of %s %s fits its schema", method, path)
			}
			status := validateExchange(t, router, ts.URL, method, path, body)
			if path != "/openapi.json" {
				assert.Equal(t, http.StatusOK, status, "%s %s: %s", method, path, body)
			}
		}
	}
	assert.Equal(t, len(questions), examples)
	for _, bad := range []struct{ path, body string }{
		{"/v1/deadline", `{"tier":"enhanced"`},
		{"/v1/deadline", `{"tier":"platinum","priority":"P1","opened":"2026-03-02"}`},
		{"/v1/quote", `{"tier":"enhanced","spend":"1 USD","colour":1}`},
		{"/v1/quote", `{"tier":"enhanced","spend":"` + strings.Repeat("9", 2<<20) + `"}`},
	} {
		status := validateExchange(t, router, ts.URL, http.MethodPost, bad.path, []byte(bad.body))
		assert.GreaterOrEqual(t, status, 400)
	}
}

// validateExchange sends the request, validates the response against the
// document and returns its status.
func validateExchange(t *testing.T, router routers.Router, base, method, path string, body []byte) int {
	t.Helper()
	req, err := http.NewRequest(method, base+path, bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	require.NoError(t, err)

	route, params, err := router.FindRoute(req)
	require.NoError(t, err, "%s %s", method, path)
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header,
		Body: io.NopCloser(bytes.NewReader(got)), Options: &openapi3filter.Options{IncludeResponseStatus: true}}
	if !slices.Contains([]string{"/metrics"}, path) {
		assert.NoError(t, openapi3filter.ValidateResponse(context.Background(), out), "%s %s %d: %s", method, path, resp.StatusCode, got)
	}
	return resp.StatusCode
}

func TestOpenAPIServed(t *testing.T) {
	_, ts := testServer(t, Config{})
	status, v := get(t, ts.URL, "/openapi.json")
	require.Equal(t, 200, status)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(OpenAPI(), &doc))
	assert.Equal(t, doc, v)
	b := OpenAPI()
	b[0] = 'x'
	assert.Equal(t, byte('{'), OpenAPI()[0], "OpenAPI returns a copy")
}

// TestOpenAPIResultSchemasAreExact validates real results against their
// schemas, then the same results spoiled: a field the schema does not
// name, or a required one left out, is refused, so that the document
// follows every field of package answer's types (a quote's model,
// proration and flat amounts, an effect's minAt and maxAt, a plan's
// options, the zone of a deadline and of a timeline).
func TestOpenAPIResultSchemasAreExact(t *testing.T) {
	doc, _ := loadOpenAPI(t)
	_, ts := testServer(t, Config{})
	for _, tc := range []struct {
		name, path, body, schema string
		spoil                    []func(r map[string]any)
	}{
		{"a quote of a period", "/v1/quote", `{"tier":"standard","spend":"500 USD","period":"2026-02-15/2026-02-28"}`, "Quote", []func(map[string]any){
			func(r map[string]any) { r["colour"] = "red" },
			func(r map[string]any) { delete(r, "model") },
			func(r map[string]any) { delete(r, "proration") },
			func(r map[string]any) { r["model"] = "tiered" },
			func(r map[string]any) { line(r, "lines")["colour"] = "red" },
			func(r map[string]any) { delete(line(r, "lines"), "flat") },
		}},
		{"a comparison over a window", "/v1/compare", `{"from":"looker-premier","to":"premium","scope":{"zone":"America/New_York","from":"2026-03-02","to":"2026-03-16"}}`, "Compare", []func(map[string]any){
			func(r map[string]any) { line(r, "changes")["effect"].(map[string]any)["colour"] = "red" },
			func(r map[string]any) { delete(line(r, "changes")["effect"].(map[string]any), "maxAt") },
			func(r map[string]any) { line(r, "changes")["effect"].(map[string]any)["minAt"] = nil },
		}},
		{"a plan with effects", "/v1/plan", `{"contract":{"account":"acme","tier":"looker-premier","zone":"America/New_York","start":"2025-07-15","renewal":"2026-09-01","spend":"85000 USD"},"at":"2026-03-02"}`, "Eligibility", []func(map[string]any){
			func(r map[string]any) { r["colour"] = "red" },
			func(r map[string]any) { delete(r, "effectiveAt") },
			func(r map[string]any) { line(r, "options")["colour"] = "red" },
			func(r map[string]any) {
				delete(line(line(r, "options"), "changes")["effect"].(map[string]any), "minAt")
			},
		}},
		{"a deadline without a zone", "/v1/deadline", `{"tier":"enhanced","priority":"P2","opened":"2026-03-05T10:00:00Z"}`, "Deadline", []func(map[string]any){
			func(r map[string]any) { delete(r, "zone") },
		}},
		{"a timeline", "/v1/timeline", `{"tier":"premium","priority":"P2","opened":"2026-03-02T09:00:00Z","now":"2026-03-02T20:00:00Z"}`, "Timeline", []func(map[string]any){
			func(r map[string]any) { delete(r, "zone") },
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, v := post(t, ts.URL, tc.path, tc.body)
			require.Equal(t, http.StatusOK, status, v)
			raw, err := json.Marshal(v["result"])
			require.NoError(t, err)
			schema := doc.Components.Schemas[tc.schema].Value
			require.NoError(t, schema.VisitJSON(fresh(t, raw)), "the result fits its schema")
			for i, spoil := range tc.spoil {
				r := fresh(t, raw)
				spoil(r)
				assert.Error(t, schema.VisitJSON(r), "spoiled result %d is refused", i)
			}
		})
	}
}

// fresh returns a new decoding of the JSON object raw.
func fresh(t *testing.T, raw []byte) map[string]any {
	var r map[string]any
	require.NoError(t, json.Unmarshal(raw, &r))
	return r
}

// line returns the first element of the array r[key].
func line(r map[string]any, key string) map[string]any {
	return r[key].([]any)[0].(map[string]any)
}
