package server

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"
)

// reusedBody is a request body that can be read again after Reset, so that
// a request can be served many times without allocating a new one.
type reusedBody struct{ bytes.Reader }

func (*reusedBody) Close() error { return nil }

// discardWriter is a ResponseWriter that keeps the status and the size of
// the body, reused from request to request.
type discardWriter struct {
	h      http.Header
	status int
	n      int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) WriteHeader(code int)        { w.status = code }
func (w *discardWriter) Write(b []byte) (int, error) { w.n += len(b); return len(b), nil }

// deadlineAllocBudget is the most allocations one deadline decision may
// make through the server's handler (routing, limits, metrics, reading,
// deciding, encoding), the request and the writer aside. It was 67 before
// the hot path was trimmed (34 after, most of them reading the case with
// package input; 38 since the request deadline is honoured during
// evaluation, which took a context with a timer; 17 once a JSON case is
// read without yaml.v3 nodes and 16 once the deadline's timer is made
// only when an evaluation asks for it; 12 once a body of a declared length
// is read without http.MaxBytesReader, a deadline's case without a
// History, and the context and the id header are one allocation; 9 once
// the priority and the zone are interned and that allocation is the
// metrics' writer's); raise it only with a reason in BENCHMARKS.md.
const deadlineAllocBudget = 9

func TestDeadlineAllocBudget(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector adds allocations; budgets are checked without -race")
	}
	s, err := New(Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	require.NoError(t, err)
	h := s.Handler()
	doc := []byte(`{"tier":"enhanced","priority":"P2","opened":"2026-03-05T10:00:00Z","zone":"Europe/Berlin"}`)
	body := &reusedBody{}
	req := httptest.NewRequest(http.MethodPost, "/v1/deadline", body)
	w := &discardWriter{h: http.Header{}}
	serve := func() {
		body.Reset(doc)
		req.ContentLength = int64(len(doc))
		clear(w.h)
		w.status, w.n = 0, 0
		h.ServeHTTP(w, req)
	}
	serve()
	require.Equal(t, http.StatusOK, w.status)
	require.Positive(t, w.n)
	allocs := testing.AllocsPerRun(200, serve)
	t.Logf("%.0f allocations a deadline", allocs)
	require.LessOrEqual(t, allocs, float64(deadlineAllocBudget), "the deadline handler allocates more than its budget")
}
