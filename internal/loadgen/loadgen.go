// Package loadgen is a bounded HTTP load generator: a fixed pool of
// concurrent keep-alive clients sends a list of requests round robin until
// a count or a duration runs out, and reports the throughput and the
// latency percentiles, computed exactly from every latency measured.
//
// The loop is closed by default: each client sends its next request when
// its last is answered, so a run goes as fast as the server answers and
// its percentiles are those at saturation. Config.Rate opens it: the
// requests are scheduled at a constant rate, as vegeta and wrk2 send them,
// and each latency is measured from its request's scheduled send time, so
// a server that stalls is not hidden by the generator waiting for it
// (no coordinated omission).
//
// By default each client is a lean HTTP/1.1 client, as wrk's are: one TCP
// connection, a request written from bytes built once, and a response read
// as its status line, its headers and a body of Content-Length bytes (or
// chunked), so that the generator costs a server's measurement as little
// CPU as it can. Config.NetHTTP sends with net/http's client instead.
//
// It drives tiercel's service and its peers in BENCHMARKS.md; it only
// sends to loopback addresses.
package loadgen

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
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
	NetHTTP  bool          // send with net/http's client (one Transport a client) instead of the lean client
	// Rate is the requests a second scheduled in all, at a constant
	// interval of 1/Rate; 0: the closed loop. See Run.
	Rate int
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

	// At a constant rate (Config.Rate), else zero:
	Rate      int           // the rate the requests were scheduled at, a second
	Scheduled int           // requests whose scheduled send time fell within the run
	MaxLag    time.Duration // the longest a request was sent after its scheduled time
}

// PerSecond returns the successful requests per second, rounded down.
func (r Result) PerSecond() int64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return int64(r.Requests) * int64(time.Second) / int64(r.Elapsed)
}

// String reads "N req in T: R/s, p50 X, p99 Y, max Z, F failures", then
// at a constant rate "; at R/s: S scheduled, sent at most L late".
func (r Result) String() string {
	s := fmt.Sprintf("%d req in %s: %d/s, p50 %s, p99 %s, max %s, %d failures",
		r.Requests, r.Elapsed.Round(time.Millisecond), r.PerSecond(), r.P50, r.P99, r.Max, r.Failures)
	if r.Rate > 0 {
		s += fmt.Sprintf("; at %d/s: %d scheduled, sent at most %s late", r.Rate, r.Scheduled, r.MaxLag)
	}
	return s
}

// ErrConfig is the error of a Config that cannot run (class
// fault.BadRequest).
var ErrConfig = fault.New(fault.BadRequest, "loadgen: invalid config")

// Run sends the requests round robin from cfg.Clients goroutines, each
// with its own keep-alive connection, until cfg.Requests were sent,
// cfg.Duration passed or ctx is done. Every request must be to one
// loopback address (127.0.0.0/8 or ::1) over http; the lean client also
// needs them all on one host and port. A request cut short by the time
// bound or ctx is not counted. It is safe for concurrent use, though
// concurrent runs measure each other.
//
// With cfg.Rate, request n (from 0) is scheduled at n/Rate seconds after
// the start: the next free client waits for the schedule and sends it. If
// every client is busy the schedule still advances, and a request sent
// late counts its wait: its latency runs from its scheduled send time, not
// from when a client was free to send it, so a stalled server shows in the
// latencies of every request scheduled during the stall (no coordinated
// omission). Requests scheduled but never answered when the run ends are
// counted in Result.Scheduled, not in the latencies.
func Run(ctx context.Context, cfg Config, reqs []Request) (Result, error) {
	if cfg.Clients <= 0 || cfg.Requests <= 0 || cfg.Rate < 0 || len(reqs) == 0 {
		return Result{}, fmt.Errorf("%w: %d clients, %d requests, rate %d, %d request kinds", ErrConfig, cfg.Clients, cfg.Requests, cfg.Rate, len(reqs))
	}
	if cfg.Status == 0 {
		cfg.Status = http.StatusOK
	}
	newSender, err := senders(cfg, reqs)
	if err != nil {
		return Result{}, err
	}
	if cfg.Duration > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cfg.Duration)
		defer cancel()
	}
	next := &counter{limit: int64(cfg.Requests)}
	workers := make([]worker, cfg.Clients)
	var wg sync.WaitGroup
	start := time.Now()
	p := pacer{start: start, rate: int64(cfg.Rate), limit: cfg.Duration}
	for i := range workers {
		w := &workers[i]
		w.latencies = make([]time.Duration, 0, min(cfg.Requests/cfg.Clients+1, 1<<20))
		w.sender = newSender()
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer w.sender.close()
			w.run(ctx, next, p, len(reqs), cfg.Status)
		}()
	}
	wg.Wait()
	r := summarize(workers, time.Since(start))
	if p.rate > 0 {
		r.Rate, r.Scheduled = cfg.Rate, min(cfg.Requests, p.slots(r.Elapsed))
	}
	return r, nil
}

// sender sends the requests of one client, by their index, and checks
// that each gets status.
type sender interface {
	send(ctx context.Context, i, status int) error
	close()
}

// senders checks the requests and returns what makes each client's
// sender.
func senders(cfg Config, reqs []Request) (func() sender, error) {
	for _, rq := range reqs {
		if err := checkURL(rq.URL); err != nil {
			return nil, err
		}
	}
	if cfg.NetHTTP {
		return func() sender { return newHTTPSender(reqs) }, nil
	}
	wire, addr, err := buildWire(reqs)
	if err != nil {
		return nil, err
	}
	return func() sender { return &wireConn{addr: addr, reqs: wire} }, nil
}

// checkURL returns nil when u is an http URL to a loopback IP address.
func checkURL(u string) error {
	p, err := url.Parse(u)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrConfig, err)
	}
	if p.Scheme != "http" {
		return fmt.Errorf("%w: %s: only http is sent", ErrConfig, u)
	}
	if ip := net.ParseIP(p.Hostname()); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("%w: %s: only loopback IP addresses are sent to", ErrConfig, u)
	}
	return nil
}

// counter hands out request numbers below limit.
type counter struct {
	n     atomic.Int64
	limit int64
}

func (c *counter) take() (int64, bool) {
	n := c.n.Add(1) - 1
	return n, n < c.limit
}

// pacer is the schedule of a run at a constant rate: request n is
// scheduled n/rate seconds after start, none at or after limit (0: no
// limit). Its rate is 0 in the closed loop.
type pacer struct {
	start time.Time
	rate  int64
	limit time.Duration
}

// at returns request n's scheduled send time after the start, computed
// without overflow for any count a run sends.
func (p pacer) at(n int64) time.Duration {
	return time.Duration(n/p.rate*int64(time.Second) + n%p.rate*int64(time.Second)/p.rate)
}

// slots returns how many requests are scheduled before d (and limit).
func (p pacer) slots(d time.Duration) int {
	if p.limit > 0 {
		d = min(d, p.limit)
	}
	sec, rest := int64(d/time.Second), int64(d%time.Second)
	return int(sec*p.rate + (rest*p.rate+int64(time.Second)-1)/int64(time.Second))
}

// worker is one client and what it measured.
type worker struct {
	sender    sender
	latencies []time.Duration
	failures  int
	example   string
	lag       time.Duration // the most a request was sent after its scheduled time
	timer     *time.Timer   // waits for the schedule, made on first use
}

// wait returns when request n is to be sent: at once in the closed loop,
// else its scheduled time once it has come. It returns false when n is
// scheduled past the pacer's limit or ctx is done first.
func (w *worker) wait(ctx context.Context, p pacer, n int64) (time.Time, bool) {
	if p.rate == 0 {
		return time.Now(), true
	}
	at := p.at(n)
	if p.limit > 0 && at >= p.limit {
		return time.Time{}, false
	}
	sched := p.start.Add(at)
	if d := time.Until(sched); d > 0 {
		if w.timer == nil {
			w.timer = time.NewTimer(d)
		} else {
			w.timer.Reset(d)
		}
		select {
		case <-ctx.Done():
			return time.Time{}, false
		case <-w.timer.C:
		}
	}
	w.lag = max(w.lag, time.Since(sched))
	return sched, true
}

// run sends requests until the counter, the pacer or ctx stops it; each
// latency runs from the time wait returns, the scheduled one at a rate.
func (w *worker) run(ctx context.Context, next *counter, p pacer, kinds, status int) {
	for ctx.Err() == nil {
		n, ok := next.take()
		if !ok {
			return
		}
		t0, ok := w.wait(ctx, p, n)
		if !ok {
			return
		}
		err := w.sender.send(ctx, int(n%int64(kinds)), status)
		took := time.Since(t0)
		switch {
		case err == nil:
			w.latencies = append(w.latencies, took)
		case stopped(ctx): // the time bound cut the request short: not a failure
			return
		default:
			w.failures++
			if w.example == "" {
				w.example = err.Error()
			}
		}
	}
}

// stopped reports whether ctx is done or past its deadline: a connection
// whose deadline is ctx's can time out before ctx's own timer fires.
func stopped(ctx context.Context) bool {
	dl, ok := ctx.Deadline()
	return ctx.Err() != nil || ok && !time.Now().Before(dl)
}

// summarize merges the workers' measures.
func summarize(workers []worker, elapsed time.Duration) Result {
	r := Result{Elapsed: elapsed}
	var all []time.Duration
	for _, w := range workers {
		all = append(all, w.latencies...)
		r.MaxLag = max(r.MaxLag, w.lag)
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
