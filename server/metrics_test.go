package server

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMetrics(t *testing.T) {
	s, ts := testServer(t, Config{Catalogs: []string{"testdata/tiers.yaml"}})
	post(t, ts.URL, "/v1/deadline", deadlineBody)
	post(t, ts.URL, "/v1/deadline", deadlineBody)
	post(t, ts.URL, "/v1/deadline", `{`)
	get(t, ts.URL, "/nope")
	m := scrape(t, ts.URL)
	assert.Contains(t, m, `tiercel_http_requests_total{code="200",route="POST /v1/deadline"} 2`)
	assert.Contains(t, m, `tiercel_http_requests_total{code="400",route="POST /v1/deadline"} 1`)
	assert.Contains(t, m, `tiercel_http_requests_total{code="404",route="/"} 1`)
	assert.Contains(t, m, `tiercel_http_request_duration_seconds_count{route="POST /v1/deadline"} 3`)
	assert.Contains(t, m, `tiercel_catalog_info{revision="`+s.Revision()+`"} 1`)
	assert.Contains(t, m, "tiercel_catalog_reloads_total 0")
	assert.Contains(t, m, "tiercel_http_requests_in_flight 0")
	assert.Contains(t, m, "go_goroutines")
}
