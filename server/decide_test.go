package server

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
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
