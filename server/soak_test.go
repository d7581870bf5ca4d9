package server

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/loadgen"
)

// soak runs the fault tests at the sizes BENCHMARKS.md records (go test
// ./server -run TestFault -soak -v); without it they run bounded, for CI.
var soak = flag.Bool("soak", false, "run the fault soaks at full size (1,000 rewrites, 200 slow clients, 10 SIGTERM rounds)")

// enhancedDeadline is a deadline request on the default catalog.
const enhancedDeadline = `{"tier":"enhanced","priority":"P2","opened":"2026-03-05T10:00:00Z","zone":"Europe/Berlin"}`

// sized returns full under -soak, else bounded.
func sized(bounded, full int) int {
	if *soak {
		return full
	}
	return bounded
}

// figures logs one line of measured figures, with the load average of the
// machine when they were measured: the lines BENCHMARKS.md records.
func figures(t *testing.T, name string, format string, args ...any) {
	t.Helper()
	load, _ := os.ReadFile("/proc/loadavg")
	fields := strings.Fields(string(load))
	if len(fields) > 3 {
		fields = fields[:3]
	}
	t.Logf("FIGURES %s: %s (load average %s)", name, fmt.Sprintf(format, args...), strings.Join(fields, " "))
}

// serveTest serves s on 127.0.0.1 until the test ends and returns its base
// URL.
func serveTest(t *testing.T, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() { stop(); <-done })
	return "http://" + ln.Addr().String()
}

// pairWriter rewrites a catalog of two files, a calendar and a tier that
// names it, both numbered k: revision k answers a P1 case opened at
// 2026-03-02T00:00Z with a due instant k hours later, so an answer that
// mixed two revisions, or named the wrong one, is seen.
type pairWriter struct {
	cal, tier string
	mu        sync.Mutex
	want      map[string]int // revision -> k
}

func newPairWriter(dir string) *pairWriter {
	return &pairWriter{cal: filepath.Join(dir, "cal.yaml"), tier: filepath.Join(dir, "tiers.yaml"), want: map[string]int{}}
}

func (p *pairWriter) write(t *testing.T, k int) {
	cal := fmt.Sprintf("version: 1\ncalendars:\n  c%d: {zone: UTC, hours: {mon-sun: \"00:00-24:00\"}}\n", k)
	tier := fmt.Sprintf("version: 1\ntiers:\n  std: {name: S, response: {P1: %dh c%d}}\n", k, k)
	rev := revision([]string{p.cal, p.tier}, [][]byte{[]byte(cal), []byte(tier)})
	p.mu.Lock()
	p.want[rev] = k
	p.mu.Unlock()
	require.NoError(t, os.WriteFile(p.cal, []byte(cal), 0o600))
	require.NoError(t, os.WriteFile(p.tier, []byte(tier), 0o600))
}

// check returns an error unless d is the answer of the revision it names.
func (p *pairWriter) check(d revisionAnswer) error {
	p.mu.Lock()
	k, ok := p.want[d.Revision]
	p.mu.Unlock()
	if !ok {
		return fmt.Errorf("an answer of unknown revision %s", d.Revision)
	}
	if want := time.Date(2026, 3, 2, k, 0, 0, 0, time.UTC); !d.Result.Due.Equal(want) {
		return fmt.Errorf("revision %s (k=%d) answered %s, want %s", d.Revision, k, d.Result.Due, want)
	}
	return nil
}

// TestFaultReloadUnderLoad rewrites a catalog of two files 200 times (1,000
// with -soak) while 16 keep-alive clients decide on a real listener: the
// file watcher (fsnotify) reloads on writes, and every other rewrite also
// reloads as SIGHUP does (Reload). No request may fail, and every answer
// must be the one of the revision it names, computed from the two files as
// written together: a reload that reads the pair half rewritten fails and
// the last good catalog keeps serving.
func TestFaultReloadUnderLoad(t *testing.T) {
	rewrites, clients := sized(200, 1000), 16
	pw := newPairWriter(t.TempDir())
	pw.write(t, 1)
	s, err := New(Config{Catalogs: []string{pw.cal, pw.tier}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	require.NoError(t, err)
	url := serveTest(t, s)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	watched := make(chan error, 1)
	go func() { watched <- s.Watch(ctx, 5*time.Millisecond) }()

	var answered, failed atomic.Int64
	revisions := sync.Map{}
	var wg sync.WaitGroup
	var firstFailure atomic.Value
	for range clients {
		wg.Go(func() {
			client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
			defer client.CloseIdleConnections()
			for ctx.Err() == nil {
				if err := decideOnce(client, url, pw, &revisions); err != nil {
					failed.Add(1)
					firstFailure.CompareAndSwap(nil, err.Error())
					continue
				}
				answered.Add(1)
			}
		})
	}
	start := time.Now()
	for k := 2; k <= rewrites+1; k++ {
		pw.write(t, k)
		if k%2 == 0 {
			_ = s.Reload() // as on SIGHUP; a pair read half written fails, and the last good catalog serves
		}
	}
	time.Sleep(50 * time.Millisecond) // the watcher's last reload
	cancel()
	wg.Wait()
	require.NoError(t, <-watched)
	elapsed := time.Since(start)
	seen := 0
	revisions.Range(func(_, _ any) bool { seen++; return true })
	reloads, failures := counterValue(t, s.metrics.reloads), counterValue(t, s.metrics.reloadFailures)

	assert.Zero(t, failed.Load(), "failed requests; the first: %v", firstFailure.Load())
	assert.Positive(t, answered.Load())
	assert.Greater(t, seen, 1, "answers came from several revisions")
	figures(t, "reload", "%d rewrites in %s, %d clients: %d requests, %d failed, %.0f reloads (%.0f failed, the last good kept), %d revisions answered",
		rewrites, elapsed.Round(time.Millisecond), clients, answered.Load(), failed.Load(), reloads, failures, seen)
}

// decideOnce asks url for the deadline of the pair writer's case and
// checks the answer against the revision it names, which it records.
func decideOnce(client *http.Client, url string, pw *pairWriter, revisions *sync.Map) error {
	resp, err := client.Post(url+"/v1/deadline", "application/json", strings.NewReader(`{"tier":"std","priority":"P1","opened":"2026-03-02T00:00:00Z"}`))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var d revisionAnswer
	if err := json.NewDecoder(resp.Body).Decode(&d); err != nil || resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d, %v", resp.StatusCode, err)
	}
	revisions.Store(d.Revision, true)
	return pw.check(d)
}

// counterValue returns the value of counter c.
func counterValue(t *testing.T, c prometheus.Counter) float64 {
	t.Helper()
	var m dto.Metric
	require.NoError(t, c.Write(&m))
	return m.GetCounter().GetValue()
}

// slowClient opens a connection to addr and sends a request slowly, one
// piece every interval, until the server closes the connection; it
// returns how long the server took to cut it and whether it answered 200.
// A slowloris never ends its headers; a slow body sends its headers whole
// and then its body a byte at a time.
func slowClient(addr string, slowloris bool, interval, giveUp time.Duration) (cut time.Duration, ok200 bool, err error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return 0, false, err
	}
	defer conn.Close()
	start := time.Now()
	head := "POST /v1/deadline HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
	if !slowloris {
		head += "Content-Length: 1000\r\n\r\n"
	}
	if _, err := conn.Write([]byte(head)); err != nil {
		return 0, false, err
	}
	type reply struct {
		text   string
		gaveUp bool // the read ended at the client's own deadline: the server never cut it
	}
	answer := make(chan reply, 1)
	go func() { // the server's answer, if any, until it closes
		_ = conn.SetReadDeadline(time.Now().Add(giveUp))
		b, err := io.ReadAll(conn)
		answer <- reply{string(b), errors.Is(err, os.ErrDeadlineExceeded)}
	}()
	piece := []byte("X-Slow: 1\r\n")
	if !slowloris {
		piece = []byte(" ")
	}
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case r := <-answer:
			if r.gaveUp {
				return 0, false, fmt.Errorf("not cut within %s", giveUp)
			}
			return time.Since(start), strings.Contains(r.text, " 200 "), nil
		case <-tick.C:
			_, _ = conn.Write(piece) // fails once the server has closed
		}
	}
}

// TestFaultSlowClients hangs slow clients on a real listener, half
// slowloris (headers never ending), half slow bodies, while 16 normal
// keep-alive clients decide: the read timeouts cut every slow client, none
// gets a decision, and the normal clients are served meanwhile without a
// failure. Their throughput and latencies are logged beside those of the
// same load alone.
func TestFaultSlowClients(t *testing.T) {
	slow, run := sized(32, 200), time.Duration(sized(1, 5))*time.Second
	readTimeout := 500 * time.Millisecond
	s, err := New(Config{ReadTimeout: readTimeout, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	require.NoError(t, err)
	url := serveTest(t, s)
	addr := strings.TrimPrefix(url, "http://")
	reqs := []loadgen.Request{{Method: http.MethodPost, URL: url + "/v1/deadline", Body: []byte(enhancedDeadline)}}
	cfg := loadgen.Config{Clients: 16, Requests: 1 << 30, Duration: run}

	alone, err := loadgen.Run(context.Background(), cfg, reqs)
	require.NoError(t, err)
	require.Zero(t, alone.Failures, alone.Example)
	// Each slow client records every cut it met: a client that was never
	// cut, or met an error or a decision, is seen by itself.
	type slowOutcome struct {
		cuts  int
		worst time.Duration
		ok    bool
		err   error
		kind  string
	}
	outcomes := make([]slowOutcome, slow)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	for i := range slow {
		wg.Go(func() {
			o := &outcomes[i]
			o.kind = map[bool]string{true: "slowloris", false: "slow body"}[i%2 == 0]
			for ctx.Err() == nil { // a slow client that is cut comes back, until the load ends
				cut, ok, err := slowClient(addr, i%2 == 0, 100*time.Millisecond, readTimeout+5*time.Second)
				if err != nil || ok {
					o.ok, o.err = ok, err
					return
				}
				o.cuts++
				o.worst = max(o.worst, cut)
			}
		})
	}
	time.Sleep(readTimeout / 2) // the slow clients hang on
	beside, err := loadgen.Run(context.Background(), cfg, reqs)
	require.NoError(t, err)
	cancel()
	wg.Wait()
	var worst time.Duration
	for i, o := range outcomes {
		require.NoError(t, o.err, "slow client %d (%s)", i, o.kind)
		assert.False(t, o.ok, "slow client %d (%s) got a decision", i, o.kind)
		assert.Positive(t, o.cuts, "slow client %d (%s) was cut", i, o.kind)
		worst = max(worst, o.worst)
	}
	assert.Zero(t, beside.Failures, "normal clients failed beside slow ones: %s", beside.Example)
	assert.Positive(t, beside.Requests)
	figures(t, "slow clients", "16 normal clients alone: %s; beside %d slow (%d slowloris, %d slow bodies, read timeout %s, cut within %s): %s",
		alone, slow, (slow+1)/2, slow/2, readTimeout, worst.Round(time.Millisecond), beside)
}

// hostileBodies are bodies over the 1 MiB limit or nested 100,000 deep,
// each with the status and code it must get.
func hostileBodies() []struct {
	name, body string
	status     int
	code       string
} {
	deep := strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000)
	return []struct {
		name, body string
		status     int
		code       string
	}{
		{"over-1MiB", `{"tier":"enhanced","priority":"P1","opened":"2026-03-02T09:00:00Z","attrs":{"pad":"` + strings.Repeat("x", 1<<20) + `"}}`, http.StatusRequestEntityTooLarge, CodeTooLarge},
		{"over-1MiB-streamed-object", strings.Repeat(`{"a":`, 1<<18), http.StatusRequestEntityTooLarge, CodeTooLarge},
		{"100k-arrays", deep, http.StatusBadRequest, CodeBadRequest},
		{"100k-arrays-in-attrs", `{"tier":"enhanced","priority":"P1","opened":"2026-03-02T09:00:00Z","attrs":{"a":` + deep + `}}`, http.StatusBadRequest, CodeBadRequest},
		{"100k-objects", strings.Repeat(`{"a":`, 100_000) + "1" + strings.Repeat("}", 100_000), http.StatusBadRequest, CodeBadRequest},
	}
}

// TestFaultHostileBodies posts bodies over the limit and nested 100,000
// deep to deadline and timeline, in process: each gets its 413 or 400 with
// the JSON error, and the server allocates less than four times the body
// limit to refuse it (BenchmarkHostileBodies measures the bytes and time).
func TestFaultHostileBodies(t *testing.T) {
	s, err := New(Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	require.NoError(t, err)
	const rounds = 5
	for _, hb := range hostileBodies() {
		for _, route := range []string{"/v1/deadline", "/v1/timeline"} {
			t.Run(hb.name+route, func(t *testing.T) {
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				start := time.Now()
				for range rounds {
					rec := httptest.NewRecorder()
					s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, route, strings.NewReader(hb.body)))
					require.Equal(t, hb.status, rec.Code, rec.Body.String())
					assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
					var e ErrorBody
					require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &e))
					assert.Equal(t, hb.code, e.Error.Code)
				}
				took := time.Since(start) / rounds
				runtime.ReadMemStats(&after)
				perRequest := (after.TotalAlloc - before.TotalAlloc) / rounds
				if !raceEnabled {
					assert.Less(t, perRequest, uint64(4<<20), "bytes allocated to refuse a %d-byte body", len(hb.body))
				}
				figures(t, "hostile body "+hb.name+route, "%d-byte body: %d %s, %d bytes allocated and %s a request",
					len(hb.body), hb.status, hb.code, perRequest, took.Round(time.Microsecond))
			})
		}
	}
}

// BenchmarkHostileBodies measures what refusing each hostile body costs
// the server, in process: bytes allocated and time per request.
func BenchmarkHostileBodies(b *testing.B) {
	s, err := New(Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	for _, hb := range hostileBodies() {
		b.Run(hb.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(hb.body)))
			for b.Loop() {
				rec := httptest.NewRecorder()
				s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/deadline", strings.NewReader(hb.body)))
				if rec.Code != hb.status {
					b.Fatalf("status %d, want %d", rec.Code, hb.status)
				}
			}
		})
	}
}
