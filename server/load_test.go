package server

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"testing"

	"github.com/tiercel/tiercel/internal/loadgen"
)

// loadClients is the number of concurrent keep-alive clients of the load
// benchmarks, the figure BENCHMARKS.md's goal names.
const loadClients = 64

// BenchmarkLoad drives deadline, quote and timeline decisions at a real
// server on 127.0.0.1 from 64 concurrent keep-alive clients with
// internal/loadgen, 6,400 requests an iteration, and reports the
// throughput and the exact p50 and p99 latencies of the last iteration.
func BenchmarkLoad(b *testing.B) {
	for _, sc := range []struct{ name, path, body string }{
		{"deadline", "/v1/deadline", `{"tier":"enhanced","priority":"P2","opened":"2026-03-05T10:00:00Z","zone":"Europe/Berlin"}`},
		{"quote", "/v1/quote", `{"tier":"enhanced","spend":"85000 USD"}`},
		{"timeline", "/v1/timeline", timelineReq},
	} {
		b.Run(sc.name, func(b *testing.B) {
			url := loadServer(b)
			reqs := []loadgen.Request{{Method: http.MethodPost, URL: url + sc.path, Body: []byte(sc.body)}}
			cfg := loadgen.Config{Clients: loadClients, Requests: loadClients * 100}
			var last loadgen.Result
			for b.Loop() {
				r, err := loadgen.Run(context.Background(), cfg, reqs)
				if err != nil || r.Failures > 0 {
					b.Fatalf("%v; %d failures, e.g. %s", err, r.Failures, r.Example)
				}
				last = r
			}
			b.ReportMetric(float64(last.PerSecond()), "req/s")
			b.ReportMetric(float64(last.P50.Microseconds()), "p50-µs")
			b.ReportMetric(float64(last.P99.Microseconds()), "p99-µs")
		})
	}
}

// loadServer serves the default catalog on 127.0.0.1 until the benchmark
// ends and returns its base URL.
func loadServer(b *testing.B) string {
	b.Helper()
	s, err := New(Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), MaxInFlight: 4096})
	if err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	b.Cleanup(func() { stop(); <-done })
	return "http://" + ln.Addr().String()
}
