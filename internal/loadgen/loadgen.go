// Package loadgen is a bounded HTTP load generator: a fixed pool of
// concurrent keep-alive clients sends a list of requests round robin until
// a count or a duration runs out, and reports the throughput and the
// latency percentiles, computed exactly from every latency measured.
//
// It drives tiercel's service and its peers in BENCHMARKS.md; traffic is
// meant for loopback.
package loadgen

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/tiercel/tiercel/fault"
)

// Request is one request the clients send: a method, a URL and a body
// (sent with Content-Type application/json when not empty).
type Request struct {
	Method string
	URL    string
	Body   []byte
}

// Config bounds a run. Its zero value is not usable: Clients and Requests
// must be positive.
type Config struct {
	Clients  int           // concurrent clients, each with its own keep-alive connection
	Requests int           // requests sent in all, at most
	Duration time.Duration // the run stops after it even when requests remain; 0: no time bound
	Status   int           // the status a request must get to succeed; 0: 200
}

// Result is what a run measured. Latencies are of successful requests
// only; a failure is a transport error or another status than Config.Status.
type Result struct {
	Requests int           // requests answered with the expected status
	Failures int           // requests that failed
	Elapsed  time.Duration // from the first request sent to the last answer
	P50, P99 time.Duration // nearest-rank percentiles of the latencies
	Max      time.Duration
	Example  string // the first failure, "" when none
}

// PerSecond returns the successful requests per second, rounded down.
func (r Result) PerSecond() int64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return int64(r.Requests) * int64(time.Second) / int64(r.Elapsed)
}

// String reads "N req in T: R/s, p50 X, p99 Y, max Z, F failures".
func (r Result) String() string {
	return fmt.Sprintf("%d req in %s: %d/s, p50 %s, p99 %s, max %s, %d failures",
		r.Requests, r.Elapsed.Round(time.Millisecond), r.PerSecond(), r.P50, r.P99, r.Max, r.Failures)
}

// ErrConfig is the error of a Config that cannot run (class
// fault.BadRequest).
var ErrConfig = fault.New(fault.BadRequest, "loadgen: invalid config")

// Run sends the requests round robin from cfg.Clients goroutines, each
// with its own HTTP client of one keep-alive connection, until
// cfg.Requests were sent, cfg.Duration passed or ctx is done. It is safe
// for concurrent use, though concurrent runs measure each other.
func Run(ctx context.Context, cfg Config, reqs []Request) (Result, error) {
	if cfg.Clients <= 0 || cfg.Requests <= 0 || len(reqs) == 0 {
		return Result{}, fmt.Errorf("%w: %d clients, %d requests, %d request kinds", ErrConfig, cfg.Clients, cfg.Requests, len(reqs))
	}
	if cfg.Status == 0 {
		cfg.Status = http.StatusOK
	}
	if cfg.Duration > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cfg.Duration)
		defer cancel()
	}
	var next counter
	next.limit = int64(cfg.Requests)
	workers := make([]worker, cfg.Clients)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range workers {
		w := &workers[i]
		w.client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1, MaxConnsPerHost: 1, DisableCompression: true}}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer w.client.CloseIdleConnections()
			w.run(ctx, &next, reqs, cfg.Status)
		}()
	}
	wg.Wait()
	return summarize(workers, time.Since(start)), nil
}

// counter hands out request numbers below limit.
type counter struct {
	mu    sync.Mutex
	n     int64
	limit int64
}

func (c *counter) take() (int64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n >= c.limit {
		return 0, false
	}
	c.n++
	return c.n - 1, true
}

// worker is one client and what it measured.
type worker struct {
	client    *http.Client
	latencies []time.Duration
	failures  int
	example   string
}

func (w *worker) run(ctx context.Context, next *counter, reqs []Request, status int) {
	for ctx.Err() == nil {
		n, ok := next.take()
		if !ok {
			return
		}
		rq := reqs[n%int64(len(reqs))]
		t0 := time.Now()
		err := w.send(ctx, rq, status)
		took := time.Since(t0)
		switch {
		case err == nil:
			w.latencies = append(w.latencies, took)
		case ctx.Err() != nil: // the time bound cut the request short: not a failure
			return
		default:
			w.failures++
			if w.example == "" {
				w.example = err.Error()
			}
		}
	}
}

func (w *worker) send(ctx context.Context, rq Request, status int) error {
	req, err := http.NewRequestWithContext(ctx, rq.Method, rq.URL, bytes.NewReader(rq.Body))
	if err != nil {
		return err
	}
	if len(rq.Body) > 0 {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := w.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body) // read whole, so the connection is kept alive
	if err != nil {
		return err
	}
	if resp.StatusCode != status {
		return fmt.Errorf("%s %s: status %d: %.200s", rq.Method, rq.URL, resp.StatusCode, body)
	}
	return nil
}

// summarize merges the workers' measures.
func summarize(workers []worker, elapsed time.Duration) Result {
	r := Result{Elapsed: elapsed}
	var all []time.Duration
	for _, w := range workers {
		all = append(all, w.latencies...)
		r.Failures += w.failures
		if r.Example == "" {
			r.Example = w.example
		}
	}
	r.Requests = len(all)
	slices.Sort(all)
	r.P50, r.P99 = Percentile(all, 50), Percentile(all, 99)
	if len(all) > 0 {
		r.Max = all[len(all)-1]
	}
	return r
}

// Percentile returns the nearest-rank p-th percentile (0 < p <= 100) of
// the sorted durations: the smallest value at least p percent of them do
// not exceed, computed in integers. It returns 0 for no durations.
func Percentile(sorted []time.Duration, p int) time.Duration {
	n := len(sorted)
	if n == 0 || p <= 0 {
		return 0
	}
	rank := (p*n + 99) / 100 // ceil(p*n/100), 1-based
	return sorted[min(max(rank, 1), n)-1]
}
