package server

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
)

// BenchmarkDeadlineHandler is one deadline decision through the handler,
// in process: decoding, deciding, encoding, metrics.
func BenchmarkDeadlineHandler(b *testing.B) {
	s, err := New(Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/deadline", strings.NewReader(`{"tier":"enhanced","priority":"P2","opened":"2026-03-05T10:00:00Z"}`)))
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code, rec.Body.String())
		}
	}
}

// BenchmarkDeadlineLoopback is deadline decisions over HTTP on 127.0.0.1
// from 64 concurrent keep-alive clients (RunParallel with 64 goroutines
// in all, whatever GOMAXPROCS); ns/op is the inverse of the throughput.
func BenchmarkDeadlineLoopback(b *testing.B) {
	s, err := New(Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), MaxInFlight: 1024})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64, MaxConnsPerHost: 64}}
	body := `{"tier":"enhanced","priority":"P2","opened":"2026-03-05T10:00:00Z"}`
	b.SetParallelism(max(1, 64/runtime.GOMAXPROCS(0)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			resp, err := client.Post(ts.URL+"/v1/deadline", "application/json", strings.NewReader(body))
			if err != nil {
				b.Error(err)
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				b.Error(resp.StatusCode)
				return
			}
		}
	})
}
